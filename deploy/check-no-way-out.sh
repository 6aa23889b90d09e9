#!/usr/bin/env bash
# check-no-way-out.sh: is there anything on this exam server that a link could start?
#
# The exam opens no link (ui/nowayout.py), but defence in depth: if a future bug or a
# library update made it call Python's `webbrowser`, that module starts the first
# browser it finds on PATH or through the desktop's handlers, on the candidate's
# terminal, as the exam user (who can read exam-centre.key). On an exam server there
# must be none. Run as root (or as the exam user) before every exam day:
#
#   deploy/check-no-way-out.sh [--user helpdesk-exam] [--path DIR:DIR...]
#
# --path searches those folders for programs instead of the user's PATH and the usual
# places (for a chroot or an image being prepared; the tests use it).
#
# Exit status: 0 nothing found; 1 something found (each finding printed, with how to
# remove it); 2 usage error. Read-only: it changes nothing.
set -euo pipefail

user="helpdesk-exam"
only_path=""
while [ $# -gt 0 ]; do
    case "$1" in
        --user) user="${2:?--user needs a name}"; shift 2 ;;
        --path) only_path="${2:?--path needs folders}"; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "unknown option '$1'" >&2; exit 2 ;;
    esac
done

# What Python's webbrowser tries on a terminal with no display, and what opens URLs
# and files for desktops (xdg-open, gio...), plus shells-in-a-browser and pagers that
# run commands.
BROWSERS="www-browser x-www-browser sensible-browser links links2 elinks lynx w3m browsh
carbonyl netsurf firefox firefox-esr chromium chromium-browser google-chrome
google-chrome-stable brave-browser epiphany konqueror opera vivaldi qutebrowser dillo"
OPENERS="xdg-open gio gvfs-open gnome-open kde-open kde-open5 kfmclient exo-open
mimeopen run-mailcap see wslview"

found=0
report() {
    found=1
    printf 'FOUND  %s\n' "$1"
}

# Everything the exam user would find on its PATH, plus the usual places.
search_path="$(su -s /bin/sh -c 'printf %s "$PATH"' "$user" 2>/dev/null || printf %s "$PATH")"
search_path="$search_path:/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/snap/bin"
[ -n "$only_path" ] && search_path="$only_path"

for name in $BROWSERS $OPENERS; do
    IFS=:
    for dir in $search_path; do
        if [ -n "$dir" ] && [ -x "$dir/$name" ]; then
            report "$dir/$name  (remove its package: dpkg -S $dir/$name; apt-get purge <package>)"
            break
        fi
    done
    unset IFS
done

# The BROWSER variable makes webbrowser run any program it names.
for file in /etc/environment /etc/profile /etc/profile.d/*.sh /etc/bash.bashrc; do
    [ -r "$file" ] || continue
    if grep -Eq '^[^#]*\bBROWSER=' "$file"; then
        report "BROWSER is set in $file  (remove that line)"
    fi
done
if su -s /bin/sh -c 'test -n "${BROWSER:-}"' "$user" 2>/dev/null; then
    report "BROWSER is set in $user's environment"
fi

# Debian's alternatives for a browser (what www-browser would point at).
for alt in www-browser x-www-browser; do
    if command -v update-alternatives >/dev/null 2>&1 \
        && update-alternatives --query "$alt" >/dev/null 2>&1; then
        report "alternative '$alt' is configured  (update-alternatives --remove-all $alt)"
    fi
done

# Desktop URL handlers (mailcap, .desktop files claiming http, https, mailto or file).
for dir in /usr/share/applications /usr/local/share/applications; do
    [ -d "$dir" ] || continue
    for file in $(grep -lsE '^MimeType=.*x-scheme-handler/(http|https|mailto|file)' \
        "$dir"/*.desktop); do
        report "URL handler $file"
    done
done
if [ -r /etc/mailcap ] && grep -Eq '^text/html' /etc/mailcap; then
    report "/etc/mailcap has a text/html handler  (remove it, or purge mime-support's viewers)"
fi

if [ "$found" -eq 0 ]; then
    echo "OK     no browser, URL opener or BROWSER setting found for user $user"
fi
exit "$found"
