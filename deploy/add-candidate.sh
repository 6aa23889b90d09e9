#!/usr/bin/env bash
# add-candidate.sh: create (or update) a candidate account on the exam server.
#
#   sudo deploy/add-candidate.sh ID [--password] [--pubkey FILE] [--expires YYYY-MM-DD]
#
# ID is the login name and becomes the candidate id in the exam log (use a
# pseudonymous id such as c0042, not a name: assessors see it). Lower-case letters,
# digits, - and _, starting with a letter, at most 32 characters.
#
# The account: group helpdesk-candidates (so sshd's Match block and the sudo rule
# apply), login shell /usr/local/sbin/helpdesk-exam-login (the exam, never a shell),
# home /var/lib/helpdesk-exam-home (root-owned and empty: nothing to write, no
# .bashrc or ~/.ssh to plant). It can log in only the ways given here:
#   --password        a random one-time password, printed once for the candidate's
#                     slip; it stops working when the account expires (--expires, by
#                     default tomorrow) or is locked after the sitting
#                     (remove-candidate.sh --lock). Needs password logins in sshd.
#   --pubkey FILE     the OpenSSH public key(s) of the exam terminal(s) the candidate
#                     sits at, written to /etc/helpdesk-exam/authorized_keys/ID
#                     (root-owned) with restrict,pty in front of each key
#   --expires DATE    the last day the account works (default with --password: tomorrow)
# Without --password the account has no password at all (password field '*').
# Running it again for an existing candidate updates it (a new password if asked).
set -euo pipefail

CANDIDATE_GROUP=helpdesk-candidates
LOGIN=/usr/local/sbin/helpdesk-exam-login
CANDIDATE_HOME=/var/lib/helpdesk-exam-home
AUTH_KEYS=/etc/helpdesk-exam/authorized_keys

die() {
    printf 'add-candidate: %s\n' "$*" >&2
    exit 1
}
warn() { printf 'WARNING: %s\n' "$*" >&2; }
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

ID=""
PASSWORD=no
PUBKEY=""
EXPIRES=""
while (($#)); do
    case $1 in
    --password) PASSWORD=yes; shift ;;
    --pubkey) PUBKEY=${2:?--pubkey needs a file}; shift 2 ;;
    --expires) EXPIRES=${2:?--expires needs a date (YYYY-MM-DD)}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$ID" ] || die "one candidate at a time (got '$ID' and '$1')"; ID=$1; shift ;;
    esac
done

[ -n "$ID" ] || die "which candidate? usage: add-candidate.sh ID [--password] [--pubkey FILE]"
[[ $ID =~ ^[a-z][a-z0-9_-]{0,31}$ ]] ||
    die "'$ID' cannot be a login name: lower-case letters, digits, - and _, starting with a letter, at most 32"
[ "$(id -u)" = 0 ] || die "run me as root (sudo $0 ...)"
[ "$PASSWORD" = yes ] || [ -n "$PUBKEY" ] || getent passwd "$ID" >/dev/null ||
    die "give --password (a one-time password for the candidate's slip) and/or --pubkey FILE (the exam terminal's key); otherwise $ID cannot log in"
getent group "$CANDIDATE_GROUP" >/dev/null || die "group $CANDIDATE_GROUP is missing: run install-exam-server.sh first"
[ -x "$LOGIN" ] || die "$LOGIN is missing: run install-exam-server.sh first"
if [ -n "$EXPIRES" ]; then
    date -d "$EXPIRES" +%F >/dev/null 2>&1 || die "--expires '$EXPIRES' is not a date (YYYY-MM-DD)"
elif [ "$PASSWORD" = yes ]; then
    EXPIRES=$(date -d tomorrow +%F)
fi
if [ -n "$PUBKEY" ]; then
    [ -r "$PUBKEY" ] || die "cannot read --pubkey $PUBKEY"
    ssh-keygen -l -f "$PUBKEY" >/dev/null 2>&1 || die "$PUBKEY holds no OpenSSH public key (ssh-keygen -l says no)"
fi

install -d -o root -g root -m 0755 "$CANDIDATE_HOME" "$AUTH_KEYS"

if getent passwd "$ID" >/dev/null; then
    primary=$(id -gn "$ID")
    [ "$primary" = "$CANDIDATE_GROUP" ] ||
        die "$ID exists and is not a candidate account (its group is $primary): refusing to touch it"
    if [ "$(getent passwd "$ID" | cut -d: -f6,7)" != "$CANDIDATE_HOME:$LOGIN" ]; then
        usermod --shell "$LOGIN" --home "$CANDIDATE_HOME" "$ID"
    fi
    printf 'updated candidate account %s\n' "$ID"
else
    useradd --gid "$CANDIDATE_GROUP" --home-dir "$CANDIDATE_HOME" --no-create-home --shell "$LOGIN" \
        --comment "helpdesk-exam candidate" "$ID"
    usermod --password '*' "$ID"
    printf 'created candidate account %s\n' "$ID"
fi

if [ -n "$EXPIRES" ]; then
    usermod --expiredate "$EXPIRES" "$ID"
    printf '  expires     after %s\n' "$EXPIRES"
fi

if [ "$PASSWORD" = yes ]; then
    # 15 characters from an alphabet without look-alikes (no 0/o, 1/l/i): about 75 bits.
    pw=$(python3 -c 'import secrets; a="abcdefghjkmnpqrstuvwxyz23456789"; print("-".join("".join(secrets.choice(a) for _ in range(5)) for _ in range(3)))')
    printf '%s:%s\n' "$ID" "$pw" | chpasswd
    printf '  password    %s   (one-time: write it on the slip now, it is shown only once)\n' "$pw"
    unset pw
fi

if [ -n "$PUBKEY" ]; then
    tmp=$(mktemp)
    # restrict: no forwarding, no ~/.ssh/rc, no pty; pty: give the pty back (the exam needs one).
    grep -Ev '^[[:space:]]*(#|$)' -- "$PUBKEY" | sed 's/^/restrict,pty /' >"$tmp"
    install -o root -g root -m 0644 "$tmp" "$AUTH_KEYS/$ID"
    rm -f -- "$tmp"
    printf '  keys        %s (%s)\n' "$AUTH_KEYS/$ID" "$(ssh-keygen -l -f "$PUBKEY" | head -n1 | cut -d' ' -f2)"
fi

# Does sshd really treat this account as a candidate? (The Match block must apply.)
if [ -x /usr/sbin/sshd ]; then
    if effective=$(/usr/sbin/sshd -T -C "user=$ID,host=localhost,addr=127.0.0.1" 2>&1); then
        forced=$(printf '%s\n' "$effective" | awk '$1 == "forcecommand" { print $2 }')
        [ "$forced" = "$LOGIN" ] ||
            warn "sshd does not force $LOGIN for $ID (forcecommand: ${forced:-none}); is /etc/ssh/sshd_config.d/helpdesk-exam.conf included?"
        penv=$(printf '%s\n' "$effective" | awk '$1 == "permituserenvironment" { print $2 }')
        [ "$penv" = no ] || warn "sshd has PermitUserEnvironment $penv: set it to no"
    else
        warn "sshd -T failed, could not check the account's sshd settings: $effective"
    fi
fi
printf '  connect     ssh -t %s@<exam server>   (the exam starts at once; no shell)\n' "$ID"
