#!/usr/bin/env bash
# uninstall-exam-server.sh: take away what install-exam-server.sh put in place.
#
#   sudo deploy/uninstall-exam-server.sh            # the program and the locks on the door
#   sudo deploy/uninstall-exam-server.sh --purge    # ... and the keys, the config and the logs
#
# Always removed: the sshd drop-in (sshd is checked and reloaded), the sudoers rule,
# the login wrapper, the venv (/opt/helpdesk-exam), every candidate account (group
# helpdesk-candidates) with its authorized keys, the group, the candidates' home, and the
# lemma tables' cache (/var/cache/helpdesk-exam).
# Kept unless --purge: /etc/helpdesk-exam (exam.conf, keys), /var/lib/helpdesk-exam
# (the logs) and the helpdesk-exam user that owns them. --purge deletes those too,
# the private key included, for good: collect the logs first (collect-logs.sh).
# Refuses while a candidate session is running.
set -euo pipefail

PREFIX=/opt/helpdesk-exam
EXAM_USER=helpdesk-exam
CANDIDATE_GROUP=helpdesk-candidates
ETC=/etc/helpdesk-exam
STATE=/var/lib/helpdesk-exam
CANDIDATE_HOME=/var/lib/helpdesk-exam-home
CACHE=/var/cache/helpdesk-exam
LOGIN=/usr/local/sbin/helpdesk-exam-login
SUDOERS=/etc/sudoers.d/helpdesk-exam
SSHD_DROPIN=/etc/ssh/sshd_config.d/helpdesk-exam.conf

die() {
    printf 'uninstall-exam-server: %s\n' "$*" >&2
    exit 1
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

PURGE=no
while (($#)); do
    case $1 in
    --purge) PURGE=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
    esac
done
[ "$(id -u)" = 0 ] || die "run me as root (sudo $0 ...)"

if getent passwd "$EXAM_USER" >/dev/null && pgrep -u "$EXAM_USER" >/dev/null; then
    die "$EXAM_USER still has processes (an exam running?): end the sessions first (pgrep -u $EXAM_USER -a)"
fi

if [ -e "$SSHD_DROPIN" ]; then
    rm -f -- "$SSHD_DROPIN"
    printf 'removed %s\n' "$SSHD_DROPIN"
    if [ -x /usr/sbin/sshd ]; then
        /usr/sbin/sshd -t || printf 'WARNING: sshd -t now fails; fix the configuration before sshd restarts\n' >&2
        if command -v systemctl >/dev/null && systemctl is-active --quiet ssh 2>/dev/null; then
            systemctl reload ssh
        elif [ -s /run/sshd.pid ] && kill -0 "$(cat /run/sshd.pid)" 2>/dev/null; then
            kill -HUP "$(cat /run/sshd.pid)"
        fi
    fi
fi
WITNESS_UNIT=/etc/systemd/system/helpdesk-exam-witness.service
if [ -e "$WITNESS_UNIT" ]; then
    if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
        systemctl disable --now helpdesk-exam-witness.service || true
    fi
    rm -f -- "$WITNESS_UNIT"
    printf 'removed %s\n' "$WITNESS_UNIT"
fi
for f in "$SUDOERS" "$LOGIN"; do
    if [ -e "$f" ]; then
        rm -f -- "$f"
        printf 'removed %s\n' "$f"
    fi
done

if gid=$(getent group "$CANDIDATE_GROUP" | cut -d: -f3); then
    while IFS= read -r account; do
        rm -f -- "$ETC/authorized_keys/$account"
        userdel "$account" && printf 'removed candidate account %s\n' "$account"
    done < <(getent passwd | awk -F: -v gid="$gid" '$4 == gid { print $1 }')
    groupdel "$CANDIDATE_GROUP" && printf 'removed group %s\n' "$CANDIDATE_GROUP"
fi
for d in "$PREFIX" "$CANDIDATE_HOME" "$CACHE"; do
    if [ -e "$d" ]; then
        rm -rf -- "${d:?}"
        printf 'removed %s\n' "$d"
    fi
done

if [ "$PURGE" = yes ]; then
    for d in "$ETC" "$STATE"; do
        if [ -e "$d" ]; then
            rm -rf -- "${d:?}"
            printf 'removed %s (purge)\n' "$d"
        fi
    done
    if [ -e /var/lib/helpdesk-witness ]; then
        rm -rf -- /var/lib/helpdesk-witness
        printf 'removed /var/lib/helpdesk-witness (purge: the witness key and file)\n'
    fi
    if getent passwd helpdesk-witness >/dev/null; then
        userdel helpdesk-witness && printf 'removed user helpdesk-witness\n'
    fi
    if getent group helpdesk-witness >/dev/null; then
        groupdel helpdesk-witness && printf 'removed group helpdesk-witness\n'
    fi
    if getent passwd "$EXAM_USER" >/dev/null; then
        userdel "$EXAM_USER" && printf 'removed user %s\n' "$EXAM_USER"
    fi
    if getent group "$EXAM_USER" >/dev/null; then
        groupdel "$EXAM_USER" && printf 'removed group %s\n' "$EXAM_USER"
    fi
else
    printf 'kept %s (config, keys), %s (logs) and user %s: --purge removes them\n' "$ETC" "$STATE" "$EXAM_USER"
fi
