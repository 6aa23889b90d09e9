#!/usr/bin/env bash
# install-exam-server.sh: set up (or upgrade) an exam server for helpdesk-exam.
#
# Run as root from a source checkout:   sudo deploy/install-exam-server.sh [OPTIONS]
#
# What it does (each step is safe to repeat; nothing the centre made is overwritten):
#   - users: system user + group `helpdesk-exam` (runs the exam, alone reads the private
#     key), group `helpdesk-candidates` (the candidate accounts)
#   - the program in a venv: /opt/helpdesk-exam/venv (root-owned), with the bundled
#     scenarios and SLA profiles under venv/share/helpdesk-exam/
#   - /usr/local/sbin/helpdesk-exam-login (the candidates' login shell and ForceCommand)
#   - /etc/helpdesk-exam/: exam.conf (kept if present), keys/ (root:helpdesk-exam 0750),
#     authorized_keys/, scenarios/ (root:helpdesk-exam 0750)
#   - /var/lib/helpdesk-exam/logs (helpdesk-exam 0700: only the exam user writes logs)
#   - /var/cache/helpdesk-exam: the packed lemma tables (root 0755, files 0644), built once
#     here so that every exam reads them instead of building its own (exam.conf: cache_dir)
#   - /etc/sudoers.d/helpdesk-exam (checked with visudo) and
#     /etc/ssh/sshd_config.d/helpdesk-exam.conf (checked with sshd -t, then sshd reloaded)
#   - with --init-keys: the exam-centre keys and proctor code, if there are none yet
#   - with --with-witness: system user `helpdesk-witness` (reads the logs, never writes them),
#     its key in /var/lib/helpdesk-witness/keys, the logs folder group-readable by it
#     (helpdesk-exam:helpdesk-witness 2750), and helpdesk-exam-witness.service (systemd),
#     which countersigns every log as it grows into /var/lib/helpdesk-witness/witness.jsonl
#
# Options:
#   --source DIR       the helpdesk-exam source tree (default: the checkout holding this script)
#   --prefix DIR       where the venv goes (default: /opt/helpdesk-exam)
#   --python FILE      the Python (3.11+) the venv is made from (default: /usr/bin/python3);
#                      it must be one every user can run, not one under /root (pyenv)
#   --wheelhouse DIR   install offline from wheels in DIR (pip --no-index --find-links DIR)
#   --with-web         also install the `web` extra (textual-serve, for practice in a browser)
#   --init-keys        make the exam-centre keys if there are none; the proctor code is read
#                      from the first line of stdin (or asked for, unechoed, on a terminal)
#   --with-witness     also set up the witness (another user countersigns every log)
#   --no-sshd          do not install the sshd drop-in (e.g. sshd is configured elsewhere)
#   --no-reload        install the sshd drop-in but do not reload sshd
#   -h, --help         this text
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
SOURCE=$(cd -- "$SCRIPT_DIR/.." && pwd)
PREFIX=/opt/helpdesk-exam
PYTHON=/usr/bin/python3
WHEELHOUSE=""
WITH_WEB=no
INIT_KEYS=no
WITH_WITNESS=no
INSTALL_SSHD=yes
RELOAD_SSHD=yes

EXAM_USER=helpdesk-exam
CANDIDATE_GROUP=helpdesk-candidates
ETC=/etc/helpdesk-exam
KEYS=$ETC/keys
STATE=/var/lib/helpdesk-exam
LOGS=$STATE/logs
CACHE=/var/cache/helpdesk-exam
CANDIDATE_HOME=/var/lib/helpdesk-exam-home
WITNESS_USER=helpdesk-witness
WITNESS_HOME=/var/lib/helpdesk-witness
WITNESS_UNIT=/etc/systemd/system/helpdesk-exam-witness.service
LOGIN=/usr/local/sbin/helpdesk-exam-login
SUDOERS=/etc/sudoers.d/helpdesk-exam
SSHD_DROPIN=/etc/ssh/sshd_config.d/helpdesk-exam.conf

die() {
    printf 'install-exam-server: %s\n' "$*" >&2
    exit 1
}
step() { printf '==> %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while (($#)); do
    case $1 in
    --source) SOURCE=${2:?--source needs a folder}; shift 2 ;;
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --python) PYTHON=${2:?--python needs a file}; shift 2 ;;
    --wheelhouse) WHEELHOUSE=${2:?--wheelhouse needs a folder}; shift 2 ;;
    --with-web) WITH_WEB=yes; shift ;;
    --init-keys) INIT_KEYS=yes; shift ;;
    --with-witness) WITH_WITNESS=yes; shift ;;
    --no-sshd) INSTALL_SSHD=no; shift ;;
    --no-reload) RELOAD_SSHD=no; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
    esac
done

VENV=$PREFIX/venv
PROGRAM=$VENV/bin/helpdesk-exam

# --------------------------------------------------------------------------- checks

[ "$(id -u)" = 0 ] || die "run me as root (sudo $0 ...): I create users and write to /etc"
{ [ -f "$SOURCE/pyproject.toml" ] && [ -d "$SOURCE/helpdesk_tui" ]; } ||
    die "$SOURCE is not a helpdesk-exam source tree (no pyproject.toml / helpdesk_tui); give --source DIR"
[ -z "$WHEELHOUSE" ] || [ -d "$WHEELHOUSE" ] || die "--wheelhouse $WHEELHOUSE is not a folder"
[ -x "$PYTHON" ] || die "$PYTHON is missing: apt-get install python3 python3-venv (or give --python FILE)"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    die "$PYTHON is $("$PYTHON" -V 2>&1 | cut -d' ' -f2); helpdesk-exam needs 3.11 or later"
"$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || die "$PYTHON cannot make venvs: apt-get install python3-venv"
for tool in sudo visudo flock logger runuser; do
    command -v "$tool" >/dev/null || die "$tool is missing: apt-get install sudo util-linux bsdutils"
done
if [ "$INSTALL_SSHD" = yes ]; then
    [ -x /usr/sbin/sshd ] || die "sshd is missing: apt-get install openssh-server (or pass --no-sshd)"
fi
for f in helpdesk-exam-login exam.conf sudoers.d/helpdesk-exam sshd_config.d/helpdesk-exam.conf; do
    [ -f "$SCRIPT_DIR/$f" ] || die "$SCRIPT_DIR/$f is missing; run me from a complete checkout"
done

# --------------------------------------------------------------------------- users

step "users and groups"
getent group "$CANDIDATE_GROUP" >/dev/null || groupadd "$CANDIDATE_GROUP"
getent group "$EXAM_USER" >/dev/null || groupadd --system "$EXAM_USER"
if ! getent passwd "$EXAM_USER" >/dev/null; then
    useradd --system --gid "$EXAM_USER" --home-dir "$STATE" --no-create-home \
        --shell /usr/sbin/nologin --comment "helpdesk-exam (runs exams, signs logs)" "$EXAM_USER"
fi
# The exam user must never be a candidate, and never log in.
if [[ " $(id -nG "$EXAM_USER") " == *" $CANDIDATE_GROUP "* ]]; then
    die "$EXAM_USER is in $CANDIDATE_GROUP; remove it (gpasswd -d $EXAM_USER $CANDIDATE_GROUP)"
fi
usermod --lock "$EXAM_USER" >/dev/null 2>&1 || true

# --------------------------------------------------------------------------- program

step "program: $VENV"
install -d -o root -g root -m 0755 "$PREFIX"
# The exam user runs this venv: its interpreter must be one that user can execute (a
# venv made from root's pyenv Python points into /root, which no one else can enter).
runnable() { runuser -u "$EXAM_USER" -- "$VENV/bin/python" -c '' 2>/dev/null; }
if [ -e "$VENV" ] && ! runnable; then
    printf '    %s cannot be run by %s: making the venv again\n' "$VENV/bin/python" "$EXAM_USER"
    rm -rf -- "${VENV:?}"
fi
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
runnable || die "$EXAM_USER cannot run $VENV/bin/python ($(readlink -f "$VENV/bin/python")); give --python FILE with a system-wide Python"
pip_args=(--quiet --disable-pip-version-check --no-cache-dir)
[ -z "$WHEELHOUSE" ] || pip_args+=(--no-index --find-links "$WHEELHOUSE")
# A copy of the source, so the venv never depends on a checkout that may move.
build=$(mktemp -d)
trap 'rm -rf -- "$build"' EXIT
tar -C "$SOURCE" --exclude=.git --exclude=.venv --exclude='*.egg-info' --exclude=build \
    --exclude=logs --exclude=__pycache__ -cf - . | tar -C "$build" -xf -
target=$build
[ "$WITH_WEB" = no ] || target="${build}[web]"
"$VENV/bin/python" -m pip install "${pip_args[@]}" --upgrade "$target"
# A wheel carries only the package; the bundled scenarios and SLA profiles go where
# helpdesk_tui.paths looks for them in an installed copy: <venv>/share/helpdesk-exam/.
share=$VENV/share/helpdesk-exam
install -d -o root -g root -m 0755 "$share"
for folder in scenarios sla_profiles; do
    rm -rf -- "${share:?}/$folder.new"
    cp -R -- "$SOURCE/$folder" "$share/$folder.new"
    rm -rf -- "${share:?}/$folder"
    mv -- "$share/$folder.new" "$share/$folder"
done
chown -R root:root "$PREFIX"
chmod -R go-w,a+rX "$PREFIX"
"$VENV/bin/python" -m compileall -q "$VENV/lib" >/dev/null 2>&1 || true
version=$("$PROGRAM" --version)
# The lemma tables, built once for every exam (a new version gets new files; the old ones go
# after a day). An exam that cannot read them builds its own: slower, never wrong.
install -d -o root -g root -m 0755 "$CACHE"
"$PROGRAM" language cache "$CACHE" >/dev/null || die "$PROGRAM language cache $CACHE failed"
"$PROGRAM" scenario list >/dev/null || die "$PROGRAM scenario list failed after the install"
printf '    %s\n' "$version"

# --------------------------------------------------------------------------- login wrapper

step "login wrapper: $LOGIN"
install -o root -g root -m 0755 "$SCRIPT_DIR/helpdesk-exam-login" "$LOGIN"

# --------------------------------------------------------------------------- /etc

step "configuration: $ETC"
install -d -o root -g root -m 0755 "$ETC" "$ETC/authorized_keys"
install -d -o root -g "$EXAM_USER" -m 0750 "$KEYS" "$ETC/scenarios"
if [ ! -e "$ETC/exam.conf" ]; then
    install -o root -g root -m 0644 "$SCRIPT_DIR/exam.conf" "$ETC/exam.conf"
    printf '    wrote %s (edit scenario and logs_dir for each sitting)\n' "$ETC/exam.conf"
else
    chown root:root "$ETC/exam.conf"
    chmod 0644 "$ETC/exam.conf"
    printf '    kept %s\n' "$ETC/exam.conf"
fi

# --------------------------------------------------------------------------- state, logs

step "logs: $LOGS"
install -d -o "$EXAM_USER" -g "$EXAM_USER" -m 0700 "$STATE"
if [ "$WITH_WITNESS" = yes ] || getent passwd "$WITNESS_USER" >/dev/null; then
    # The witness reads the logs as its own user: the logs folder and each candidate's folder
    # belong to its group, setgid so new folders and logs (mode 0640) do too. The exam user
    # alone writes; the witness cannot change a log, the exam user cannot change the witness.
    getent group "$WITNESS_USER" >/dev/null || groupadd --system "$WITNESS_USER"
    chmod 0711 "$STATE"
    install -d -o "$EXAM_USER" -g "$WITNESS_USER" -m 2750 "$LOGS"
    find "$LOGS" -mindepth 1 -maxdepth 1 -type d -exec chgrp "$WITNESS_USER" {} + -exec chmod 2750 {} +
else
    install -d -o "$EXAM_USER" -g "$EXAM_USER" -m 0700 "$LOGS"
fi
install -d -o root -g root -m 0755 "$CANDIDATE_HOME"

# --------------------------------------------------------------------------- keys

fix_key_modes() {
    # The private key and the proctor-code hash: the exam user's alone (0400; the program
    # refuses a private key anyone else can read). The public key: anyone's.
    chown root:"$EXAM_USER" "$KEYS"
    chmod 0750 "$KEYS"
    local f
    for f in "$KEYS/exam-centre.key" "$KEYS/proctor.json"; do
        if [ -e "$f" ]; then
            chown "$EXAM_USER:$EXAM_USER" "$f"
            chmod 0400 "$f"
        fi
    done
    if [ -e "$KEYS/exam-centre.pub" ]; then
        chown root:root "$KEYS/exam-centre.pub"
        chmod 0644 "$KEYS/exam-centre.pub"
    fi
}

step "keys: $KEYS"
if [ -e "$KEYS/exam-centre.key" ]; then
    printf '    kept the existing key pair\n'
elif [ "$INIT_KEYS" = yes ]; then
    if [ -t 0 ]; then
        read -r -s -p "    proctor code (at least 4 characters, not shown): " code
        printf '\n'
        read -r -s -p "    the same again: " again
        printf '\n'
        [ "$code" = "$again" ] || die "the two proctor codes differ; nothing written"
    else
        IFS= read -r code || [ -n "${code:-}" ] || die "--init-keys: no proctor code on stdin"
    fi
    printf '%s\n' "$code" | "$PROGRAM" keys init "$KEYS" --proctor-code-stdin | sed 's/^/    /'
    unset code again
else
    warn "no exam-centre keys in $KEYS yet: run me again with --init-keys, or see docs/deployment.md"
fi
fix_key_modes
if [ -e "$KEYS/exam-centre.key" ] && [ ! -e "$KEYS/proctor.json" ]; then
    warn "$KEYS has no proctor.json: without a proctor code no one can end an exam early"
fi

# --------------------------------------------------------------------------- witness

if [ "$WITH_WITNESS" = yes ]; then
    step "witness: $WITNESS_USER, $WITNESS_HOME"
    getent passwd "$WITNESS_USER" >/dev/null ||
        useradd --system --gid "$WITNESS_USER" --home-dir "$WITNESS_HOME" --no-create-home \
            --shell /usr/sbin/nologin --comment "helpdesk-exam witness (countersigns logs)" "$WITNESS_USER"
    passwd -l "$WITNESS_USER" >/dev/null 2>&1 || true
    install -d -o "$WITNESS_USER" -g "$WITNESS_USER" -m 0700 "$WITNESS_HOME" "$WITNESS_HOME/keys"
    if [ -e "$WITNESS_HOME/keys/witness.key" ]; then
        printf '    kept the existing witness key\n'
    else
        runuser -u "$WITNESS_USER" -- "$PROGRAM" keys init "$WITNESS_HOME/keys" --witness | sed 's/^/    /'
    fi
    chmod 0644 "$WITNESS_HOME/keys/witness.pub"
    {
        printf '# helpdesk-exam: the witness countersigns every exam log as it grows (docs/deployment.md).\n'
        printf '[Unit]\nDescription=helpdesk-exam witness\nAfter=local-fs.target\n\n'
        printf '[Service]\nUser=%s\nGroup=%s\n' "$WITNESS_USER" "$WITNESS_USER"
        printf 'ExecStart=%s witness %s --key %s --pubkey %s --out %s\n' "$PROGRAM" "$LOGS" \
            "$WITNESS_HOME/keys/witness.key" "$KEYS/exam-centre.pub" "$WITNESS_HOME/witness.jsonl"
        printf 'Restart=on-failure\nRestartSec=5\nNoNewPrivileges=yes\nProtectSystem=strict\n'
        printf 'ReadWritePaths=%s\nReadOnlyPaths=%s\nPrivateTmp=yes\n\n' "$WITNESS_HOME" "$LOGS"
        printf '[Install]\nWantedBy=multi-user.target\n'
    } >"$WITNESS_UNIT"
    chmod 0644 "$WITNESS_UNIT"
    if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        systemctl enable --now helpdesk-exam-witness.service && printf '    started helpdesk-exam-witness.service\n'
    else
        printf '    no systemd here: start the witness by hand (the command is in %s)\n' "$WITNESS_UNIT"
    fi
fi

# --------------------------------------------------------------------------- sudoers

step "sudoers: $SUDOERS"
tmp=$(mktemp)
cp -- "$SCRIPT_DIR/sudoers.d/helpdesk-exam" "$tmp"
visudo -cqf "$tmp" >/dev/null || { rm -f -- "$tmp"; die "the sudoers snippet does not parse; nothing changed"; }
install -o root -g root -m 0440 "$tmp" "$SUDOERS"
rm -f -- "$tmp"
visudo -cq >/dev/null || die "sudo's configuration as a whole does not parse now: check $SUDOERS"
if ! grep -Eq '^[[:space:]]*[@#]includedir[[:space:]]+/etc/sudoers\.d' /etc/sudoers; then
    warn "/etc/sudoers has no '@includedir /etc/sudoers.d': add it, or candidates cannot start the exam"
fi

# --------------------------------------------------------------------------- sshd

if [ "$INSTALL_SSHD" = yes ]; then
    step "sshd: $SSHD_DROPIN"
    install -d -o root -g root -m 0755 /etc/ssh/sshd_config.d /run/sshd
    backup=""
    if [ -e "$SSHD_DROPIN" ]; then
        backup=$(mktemp)
        cp -p -- "$SSHD_DROPIN" "$backup"
    fi
    install -o root -g root -m 0644 "$SCRIPT_DIR/sshd_config.d/helpdesk-exam.conf" "$SSHD_DROPIN"
    if ! err=$(/usr/sbin/sshd -t 2>&1); then
        if [ -n "$backup" ]; then mv -- "$backup" "$SSHD_DROPIN"; else rm -f -- "$SSHD_DROPIN"; fi
        die "sshd -t rejects the configuration with the drop-in (put back as it was): $err"
    fi
    [ -z "$backup" ] || rm -f -- "$backup"
    if ! grep -Eq '^[[:space:]]*Include[[:space:]]+/etc/ssh/sshd_config\.d/\*\.conf' /etc/ssh/sshd_config; then
        warn "/etc/ssh/sshd_config does not include sshd_config.d/*.conf: add this as its FIRST line:"
        warn "    Include /etc/ssh/sshd_config.d/*.conf"
    fi
    if [ "$RELOAD_SSHD" = yes ]; then
        if command -v systemctl >/dev/null && systemctl is-active --quiet ssh 2>/dev/null; then
            systemctl reload ssh && printf '    reloaded ssh.service\n'
        elif [ -s /run/sshd.pid ] && kill -0 "$(cat /run/sshd.pid)" 2>/dev/null; then
            kill -HUP "$(cat /run/sshd.pid)" && printf '    sent SIGHUP to sshd\n'
        else
            printf '    sshd is not running: start it (systemctl start ssh)\n'
        fi
    fi
fi

printf '\nhelpdesk-exam is installed: %s\nNext:\n' "$version"
[ -e "$KEYS/exam-centre.key" ] || printf '  - keys (once per centre):  %s --init-keys\n' "$0"
cat <<EOF
  - the sitting:  edit $ETC/exam.conf (scenario, logs_dir, lang)
  - candidates:   $SCRIPT_DIR/add-candidate.sh ID [--password] [--pubkey FILE]
  - afterwards:   $SCRIPT_DIR/collect-logs.sh DEST$([ "$WITH_WITNESS" = no ] || printf ' --witness %s' "$WITNESS_HOME")
See docs/deployment.md.
EOF
