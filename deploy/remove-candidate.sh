#!/usr/bin/env bash
# remove-candidate.sh: lock or remove candidate accounts after a sitting.
#
#   sudo deploy/remove-candidate.sh [--lock] ID...
#   sudo deploy/remove-candidate.sh [--lock] --all
#
#   --lock   lock the account(s) (no password, expired, keys removed) but keep them;
#            the one-time passwords stop working at once
#   --all    every account whose primary group is helpdesk-candidates
#
# Logs are never touched: they stay in the logs folder until collect-logs.sh has
# copied them for the assessors (and longer, as the centre's rules say). An account
# with a running session is refused by userdel: end the exam (hand-in, time-up or
# the proctor code) first.
set -euo pipefail

CANDIDATE_GROUP=helpdesk-candidates
AUTH_KEYS=/etc/helpdesk-exam/authorized_keys

die() {
    printf 'remove-candidate: %s\n' "$*" >&2
    exit 1
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

LOCK=no
ALL=no
ids=()
while (($#)); do
    case $1 in
    --lock) LOCK=yes; shift ;;
    --all) ALL=yes; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) ids+=("$1"); shift ;;
    esac
done
[ "$(id -u)" = 0 ] || die "run me as root (sudo $0 ...)"
gid=$(getent group "$CANDIDATE_GROUP" | cut -d: -f3) || die "group $CANDIDATE_GROUP does not exist"
if [ "$ALL" = yes ]; then
    mapfile -t found < <(getent passwd | awk -F: -v gid="$gid" '$4 == gid { print $1 }')
    ids+=("${found[@]}")
fi
((${#ids[@]} > 0)) || die "which candidates? give ID... or --all"

status=0
for id in "${ids[@]}"; do
    if ! getent passwd "$id" >/dev/null; then
        printf '%s: no such account (nothing to do)\n' "$id"
        continue
    fi
    if [ "$(id -gn "$id")" != "$CANDIDATE_GROUP" ]; then
        printf 'remove-candidate: %s is not a candidate account: skipped\n' "$id" >&2
        status=1
        continue
    fi
    rm -f -- "${AUTH_KEYS:?}/$id"
    if [ "$LOCK" = yes ]; then
        usermod --lock --expiredate 1 "$id"
        printf '%s: locked\n' "$id"
    elif userdel "$id"; then
        printf '%s: removed (logs kept)\n' "$id"
    else
        printf 'remove-candidate: could not remove %s (a session still running?)\n' "$id" >&2
        status=1
    fi
done
exit "$status"
