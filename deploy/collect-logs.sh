#!/usr/bin/env bash
# collect-logs.sh: gather a sitting's logs into one folder for the assessors.
#
#   sudo deploy/collect-logs.sh DEST [--logs DIR] [--pubkey FILE] [--scenario DIR|none]
#                                    [--conf FILE] [--witness DIR]
#
# DEST must not exist yet (or be an empty folder). It receives:
#   logs/<candidate>/*.jsonl      each log (and any *.torn / *.set-aside fragment a resume left)
#   witness/                      every witness file (*.jsonl, *.jsonl.state) and witness.pub,
#                                 from --witness DIR or `witness_dir` in exam.conf; the logs
#                                 are then verified --witness against each witness file
#   exam-centre.pub               the public key the logs are verified with
#   scenario/<name>/              the scenario the sitting used (verify --scenario checks it)
#   verify/<candidate>/<log>.txt  what `helpdesk-exam verify` said about each copied log
#   verify-summary.tsv            candidate, log, verdict, exit code: one line a log
#   logs/sitting.json, plan.json  the sitting's register (where the sitting has one), rebuilt
#                                 from the copies (docs/deployment.md, "A sitting")
#   exam.conf, README.txt         the sitting's settings; how to check all this
#   MANIFEST.sha256               the SHA-256 of every file above (sha256sum -c MANIFEST.sha256)
#
# The defaults come from /etc/helpdesk-exam/exam.conf (logs_dir, key, program, scenario).
# It copies first and verifies the copies: what is verified is what the assessors get.
# Exit 0 when every log is intact and sealed; 1 when any is not (unsealed, failed, or a
# candidate still sitting): everything is collected all the same, and the summary says which.
set -euo pipefail
umask 027

CONF=/etc/helpdesk-exam/exam.conf
die() {
    printf 'collect-logs: %s\n' "$*" >&2
    exit 2
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
# A name as the terminal and the summary show it: the exam user names the files in its
# folder, and a log named "a ESC ] 0 ; ... BEL ESC [ 2 J" retitled and cleared the
# collector's terminal (sec23). Every control character (line breaks too) is a "?".
shown() {
    local name=$1
    printf '%s' "${name//[[:cntrl:]]/?}"
}

DEST=""
LOGS=""
PUBKEY=""
SCENARIO=""
WITNESS=""
while (($#)); do
    case $1 in
    --logs) LOGS=${2:?--logs needs a folder}; shift 2 ;;
    --pubkey) PUBKEY=${2:?--pubkey needs a file}; shift 2 ;;
    --scenario) SCENARIO=${2:?--scenario needs a folder or none}; shift 2 ;;
    --conf) CONF=${2:?--conf needs a file}; shift 2 ;;
    --witness) WITNESS=${2:?--witness needs a folder}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) [ -z "$DEST" ] || die "one DEST only (got '$DEST' and '$1')"; DEST=$1; shift ;;
    esac
done
[ -n "$DEST" ] || die "where to? usage: collect-logs.sh DEST [--logs DIR] [--pubkey FILE]"

conf_get() {
    # conf_get KEY: the value of `key = value` in the config (empty if absent).
    [ -r "$CONF" ] || return 0
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\\(.*[^[:space:]]\\)[[:space:]]*\$/\\1/p" -- "$CONF" | tail -n1
}

key=$(conf_get key)
key=${key:-/etc/helpdesk-exam/keys/exam-centre.key}
[ -n "$LOGS" ] || LOGS=$(conf_get logs_dir)
LOGS=${LOGS:-/var/lib/helpdesk-exam/logs}
[ -n "$PUBKEY" ] || PUBKEY=$(conf_get pubkey)
PUBKEY=${PUBKEY:-$(dirname -- "$key")/exam-centre.pub}
PROGRAM=$(conf_get program)
PROGRAM=${PROGRAM:-/opt/helpdesk-exam/venv/bin/helpdesk-exam}
[ -x "$PROGRAM" ] || PROGRAM=$(command -v helpdesk-exam) || die "helpdesk-exam not found (set program in $CONF)"
[ -n "$SCENARIO" ] || SCENARIO=$(conf_get scenario)
if [ -n "$SCENARIO" ] && [ "$SCENARIO" != none ] && [ ! -d "$SCENARIO" ]; then
    # A bundled scenario id: look where an installed copy keeps them.
    bundled="$(dirname -- "$PROGRAM")/../share/helpdesk-exam/scenarios/$SCENARIO"
    if [ -d "$bundled" ]; then SCENARIO=$(cd -- "$bundled" && pwd); else
        printf 'collect-logs: scenario %s not found as a folder; logs are verified without --scenario\n' "$SCENARIO" >&2
        SCENARIO=none
    fi
fi
[ -n "$SCENARIO" ] || SCENARIO=none

[ -d "$LOGS" ] || die "logs folder $LOGS does not exist"
[ -r "$PUBKEY" ] || die "cannot read the public key $PUBKEY (give --pubkey FILE)"
if [ -e "$DEST" ]; then
    [ -d "$DEST" ] || die "$DEST exists and is not a folder"
    [ -z "$(ls -A -- "$DEST")" ] || die "$DEST is not empty; give a new folder (nothing is ever overwritten)"
fi
mkdir -p -- "$DEST"
DEST=$(cd -- "$DEST" && pwd)
mkdir -p -- "$DEST/logs" "$DEST/verify"

[ -n "$WITNESS" ] || WITNESS=$(conf_get witness_dir)
witness_args=()
if [ -n "$WITNESS" ]; then
    [ -d "$WITNESS" ] || die "witness folder $WITNESS does not exist"
    mkdir -p -- "$DEST/witness"
    shopt -s nullglob
    for f in "$WITNESS"/*.jsonl "$WITNESS"/*.jsonl.state "$WITNESS"/witness.pub; do
        cp --preserve=timestamps -- "$f" "$DEST/witness/"
    done
    shopt -u nullglob
    wfiles=("$DEST"/witness/*.jsonl)
    if [ -e "${wfiles[0]:-}" ] && [ -r "$DEST/witness/witness.pub" ]; then
        witness_args=(--witness "${wfiles[0]}" --witness-pubkey "$DEST/witness/witness.pub")
    else
        printf 'collect-logs: no witness file and witness.pub in %s; logs are verified without --witness\n' "$WITNESS" >&2
    fi
fi

cp -- "$PUBKEY" "$DEST/exam-centre.pub"
[ ! -r "$CONF" ] || cp -- "$CONF" "$DEST/exam.conf"
scenario_args=()
if [ "$SCENARIO" != none ]; then
    name=$(basename -- "$SCENARIO")
    mkdir -p -- "$DEST/scenario"
    cp -R -- "$SCENARIO" "$DEST/scenario/$name"
    scenario_args=(--scenario "$DEST/scenario/$name")
fi

summary=$DEST/verify-summary.tsv
printf 'candidate\tlog\tverdict\texit\n' >"$summary"
total=0
good=0
problems=()
shopt -s nullglob
for dir in "$LOGS"/*/; do
    folder=$(basename -- "$dir")
    candidate=$(shown "$folder") # as shown; $folder names the files
    running=no
    if [ -e "$dir/.session.lock" ] && ! flock -n "$dir/.session.lock" true; then
        running=yes
        problems+=("$candidate: a session is still running (its log is copied as it stands now)")
    fi
    logs=("$dir"*.jsonl)
    if ((${#logs[@]} == 0)); then
        mkdir -p -- "$DEST/logs/$folder" # an empty folder: the register's copy still lists them
        printf '%s\t-\tNO-LOG\t-\n' "$candidate" >>"$summary"
        problems+=("$candidate: no log (never started?)")
        continue
    fi
    mkdir -p -- "$DEST/logs/$folder" "$DEST/verify/$folder"
    for f in "$dir"*.jsonl "$dir"*.jsonl.torn* "$dir"*.jsonl.set-aside*; do
        cp --preserve=timestamps -- "$f" "$DEST/logs/$folder/"
    done
    for log in "${logs[@]}"; do
        name=$(basename -- "$log")
        copy=$DEST/logs/$folder/$name
        total=$((total + 1))
        rc=0
        "$PROGRAM" verify "$copy" --pubkey "$DEST/exam-centre.pub" "${scenario_args[@]}" "${witness_args[@]}" \
            >"$DEST/verify/$folder/$name.txt" 2>&1 </dev/null || rc=$?
        name=$(shown "$name")
        case $rc in
        0) verdict=OK; good=$((good + 1)) ;;
        3) verdict=UNSEALED ;;
        1) verdict=FAILED ;;
        *) verdict=ERROR ;;
        esac
        [ "$running" = no ] || verdict="$verdict (running)"
        printf '%s\t%s\t%s\t%s\n' "$candidate" "$name" "$verdict" "$rc" >>"$summary"
        [ "$verdict" = OK ] || problems+=("$candidate/$name: $verdict (see verify/$candidate/$name.txt)")
    done
done
shopt -u nullglob
# Candidate accounts that never logged in have no folder: list them too.
group=helpdesk-candidates
if grep -Eq '^[[:space:]]*candidate_group[[:space:]]*=' "$CONF" 2>/dev/null; then
    group=$(conf_get candidate_group) # empty: do not look for accounts
fi
gid=""
[ -z "$group" ] || gid=$(getent group "$group" 2>/dev/null | cut -d: -f3) || gid=""
if [ -n "$gid" ]; then
    while IFS= read -r account; do
        [ -e "$LOGS/$account" ] && continue
        printf '%s\t-\tNO-LOG\t-\n' "$account" >>"$summary"
        problems+=("$account: no log (never logged in?)")
    done < <(getent passwd | awk -F: -v gid="$gid" '$4 == gid { print $1 }' | LC_ALL=C sort)
fi

# The sitting's register, where there is one (helpdesk-exam sitting new): the server's copy is
# brought up to date (with each sealed log verified), and DEST gets its own, rebuilt from the
# copies, with the plan, so `sitting merge` can join several servers (and their witness/).
# A register that cannot be updated is a warning; the logs are collected all the same.
if [ -f "$LOGS/sitting.json" ]; then
    "$PROGRAM" sitting update "$LOGS/" --pubkey "$PUBKEY" >/dev/null 2>"$DEST/register-update.txt" ||
        problems+=("the sitting register in $LOGS was not updated (see register-update.txt)")
    for f in plan.json closed merged.json; do
        [ ! -f "$LOGS/$f" ] || cp --preserve=timestamps -- "$LOGS/$f" "$DEST/logs/$f"
    done
    "$PROGRAM" sitting rebuild "$DEST/logs/" --pubkey "$DEST/exam-centre.pub" >/dev/null 2>>"$DEST/register-update.txt" ||
        problems+=("the sitting register in $DEST/logs could not be rebuilt (see register-update.txt)")
    [ -s "$DEST/register-update.txt" ] || rm -f -- "$DEST/register-update.txt"
fi

version=$("$PROGRAM" --version 2>/dev/null || true)
cat >"$DEST/README.txt" <<EOF
helpdesk-exam logs for the assessors
collected $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(hostname) from $LOGS
software: $version
public key: exam-centre.pub (fingerprint as shown by verify: see verify/*/*.txt)

Check the folder came through intact:
    sha256sum -c MANIFEST.sha256
Check each log yourself (do not rely on verify/, which the centre wrote):
    helpdesk-exam verify logs/CANDIDATE/LOG.jsonl --pubkey exam-centre.pub$([ "$SCENARIO" = none ] || printf ' --scenario scenario/%s' "$(basename -- "$SCENARIO")")
With the witness files (witness/): add --witness witness/FILE.jsonl --witness-pubkey witness/witness.pub
(check witness.pub's fingerprint with the centre, as for exam-centre.pub): a log cut, rolled
back, re-signed or forked after the witness saw it then fails instead of reading "unsealed".
exit 0 = intact and sealed, 3 = intact but unsealed, 1 = changed or damaged, 2 = cannot read.
verify-summary.tsv lists every log with the verdict at collection time.
EOF

# NUL-separated: a file name with a line break in it is one name (sec23), which sha256sum
# writes escaped (a "\\" in front) and `sha256sum -c` reads back.
(cd -- "$DEST" && find . -type f ! -name MANIFEST.sha256 -printf '%P\0' | LC_ALL=C sort -z |
    xargs -0 -r sha256sum --) >"$DEST/MANIFEST.sha256"

printf 'collected %d log(s) into %s: %d intact and sealed\n' "$total" "$DEST" "$good"
column -t -s $'\t' "$summary" 2>/dev/null || cat -- "$summary"
if ((${#problems[@]} > 0)); then
    printf '\nneeds a look:\n' >&2
    printf '  %s\n' "${problems[@]}" >&2
    exit 1
fi
