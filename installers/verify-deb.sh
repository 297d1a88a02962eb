#!/usr/bin/env bash
# Builds the .deb, installs it, checks the installed launcher, and removes the package again.
# What CI runs after the tests (.ci/run); works as root on a fresh Debian 12 / Ubuntu machine with
# only Java 17 and Maven: the packaging tools and the package's dependencies come from apt-get.
#
#   installers/verify-deb.sh
#
# Environment:
#   SKIP_BUILD=1       reuse the jar of an earlier `mvn package` or `mvn verify` (passed to build-installer.sh)
#   VERIFY_GUI=1       also start the installed console under Xvfb and render screenshots
#                      (off by default to keep CI small)
#   KEEP_INSTALLED=1   leave the package installed afterwards (for a look around)
#   MAX_DEB_MB         size limit of the .deb in MB, 1 MB = 1,000,000 bytes (default 90)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

package=spine-console
launcher=/opt/spine-console/bin/spine-console
server_launcher=/opt/spine-console/bin/spine-console-server  # the headless sandbox's, with both compilers
max_mb="${MAX_DEB_MB:-90}"

fail() { echo "verify-deb: FAILED: $*" >&2; exit 1; }
step() { echo "==> $*"; }

export DEBIAN_FRONTEND=noninteractive
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
else
    fail "installing a .deb needs root (run as root, or with password-less sudo)"
fi
root_do() { "${as_root[@]}" "$@"; }
command -v dpkg >/dev/null || fail "dpkg not found: this check runs on Debian or Ubuntu"

apt_updated=0
apt_install() { # apt_install PACKAGE... (no recommends: keep the machine and CI small)
    if [ "$apt_updated" = 0 ]; then
        root_do apt-get update -qq || fail "apt-get update failed"
        apt_updated=1
    fi
    root_do apt-get install -y -qq --no-install-recommends "$@" || fail "apt-get install $* failed"
}

# --- tools jpackage needs for a .deb --------------------------------------------------------------
missing=()
command -v fakeroot >/dev/null || missing+=(fakeroot)
command -v objcopy >/dev/null || missing+=(binutils)
command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null || missing+=(dpkg-dev)
# The class data (installers/class-data.sh) comes from a training start of the app image under Xvfb,
# which needs the libraries the .deb depends on (installers/linux/deb.args) before it is installed.
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
for lib in libgtk-3-0 libxtst6 libxxf86vm1 libgl1 libfreetype6 libfontconfig1; do
    dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]}"
    apt_install "${missing[@]}"
fi

# --- expected version, from the POM ----------------------------------------------------------------
version="$(mvn -q -B -ntp -Dstyle.color=never org.apache.maven.plugins:maven-help-plugin:3.5.1:evaluate \
    -Dexpression=project.version -DforceStdout 2>/dev/null \
    | sed 's/\x1b\[[0-9;]*m//g' | tr -d '\r' | tail -n 1)" \
    || fail "could not read the version from pom.xml"
case "$version" in [0-9]*) ;; *) fail "could not read the version from pom.xml (got '$version')" ;; esac
expected="Spine Console $version"
step "expecting '$expected'"

# --- build -----------------------------------------------------------------------------------------
build_start=$SECONDS
installers/build-installer.sh deb || fail "building the .deb failed (see above)"
build_seconds=$((SECONDS - build_start))
debs=(target/installer/dist/"${package}"_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb in target/installer/dist, found: ${debs[*]}"
deb="${debs[0]}"

deb_bytes="$(stat -c %s "$deb")"
deb_mb="$(awk -v b="$deb_bytes" 'BEGIN { printf "%.1f", b / 1000000 }')"
[ "$deb_bytes" -le $((max_mb * 1000000)) ] || fail "$deb is $deb_mb MB, over the $max_mb MB limit"
step "$(basename "$deb"): $deb_mb MB (limit $max_mb MB)"

# --- install ---------------------------------------------------------------------------------------
work="$(mktemp -d)"
installed=0
cleanup() {
    local rc=$?
    if [ "$installed" = 1 ] && [ "${KEEP_INSTALLED:-0}" != 1 ]; then
        echo "==> dpkg -P $package"
        root_do dpkg -P "$package" >/dev/null || { echo "verify-deb: FAILED: dpkg -P $package" >&2; rc=1; }
        # Nothing left behind, the class-data archive postinst made (no package file) included.
        [ ! -e /opt/spine-console ] || { echo "verify-deb: FAILED: dpkg -P left /opt/spine-console: $(find /opt/spine-console -type f | head -n 3)" >&2; rc=1; }
    fi
    rm -rf "$work"
    exit $rc
}
trap cleanup EXIT

if dpkg -s "$package" >/dev/null 2>&1; then
    step "removing the $package installed before this run"
    root_do dpkg -P "$package" >/dev/null || fail "could not remove the $package already installed"
fi

step "dpkg -i $(basename "$deb")"
installed=1
if ! root_do dpkg -i "$deb"; then
    step "installing the package's dependencies (apt-get -f install)"
    apt_updated=0
    apt_install -f
fi
status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
[ "$status" = "install ok installed" ] || fail "$package is not installed after dpkg -i (status: '$status')"
[ -x "$launcher" ] || fail "$launcher is missing or not executable"
[ -x "$server_launcher" ] || fail "$server_launcher is missing or not executable"
grep -q -- "TieredStopAtLevel=1" /opt/spine-console/lib/app/spine-console.cfg \
    || fail "the desktop launcher does not compile with C1 only (installers/common/app-image.args)"
grep -q -- "ExplicitGCInvokesConcurrent" /opt/spine-console/lib/app/spine-console.cfg \
    || fail "the desktop launcher would make HeapTrim's collections full pauses (installers/common/app-image.args)"
! grep -q -- "TieredStopAtLevel" /opt/spine-console/lib/app/spine-console-server.cfg \
    || fail "the server launcher must keep the JVM's default compilers (installers/common/server-launcher.properties)"
[ -f /usr/share/applications/spine-console.desktop ] || fail "the menu entry /usr/share/applications/spine-console.desktop is missing"

# The launcher runs with throw-away folders, so nothing is read from or left in the real ones. Java
# takes its home folder from the user database, not $HOME, so the XDG variables name them outright.
isolated_env=(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
              XDG_STATE_HOME="$work/home/.local/state")
run() { env "${isolated_env[@]}" "$launcher" "$@"; }
mkdir -p "$work/home"

# --- the class-data archive postinst made ---------------------------------------------------------
# -Xshare:on makes the JVM fail rather than start without it: the archive is there and fits this class path.
archive=/opt/spine-console/lib/runtime/lib/server/classes.jsa
step "class-data archive ($archive)"
[ -s "$archive" ] || fail "postinst made no class-data archive at $archive (was the .deb built without a display?)"
for l in "$launcher" "$server_launcher"; do
    out="$(env JAVA_TOOL_OPTIONS=-Xshare:on "${isolated_env[@]}" "$l" --version 2>&1)" \
        || fail "$l cannot use the class-data archive: $out"
done
echo "    $(du -h "$archive" | cut -f1), used by both launchers"

# --- --version, --help, a bad argument ---------------------------------------------------------------
step "$launcher --version"
out="$(run --version 2>&1)" || fail "--version exited with $? and printed: $out"
echo "$out" | sed 's/^/    /'
case "$(echo "$out" | head -n 1)" in
    *"$expected"*) ;;
    *) fail "--version printed '$(echo "$out" | head -n 1)', expected it to contain '$expected'" ;;
esac

step "$launcher --help"
out="$(run --help 2>&1)" || fail "--help exited with $?"
echo "$out" | grep -q -- "--version" || fail "--help does not describe --version: $out"
echo "$out" | grep -q "sandbox" || fail "--help does not name the sandbox command: $out"

step "$launcher --no-such-option (expecting exit code 2)"
set +e
out="$(run --no-such-option 2>&1)"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "a bad argument gave exit code $rc, expected 2; output: $out"
echo "$out" | head -n 1 | sed 's/^/    /'

# --- the embedded server and database work in the linked runtime -----------------------------------
# `spine-console-server sandbox` exercises what jdeps cannot see: JDBC drivers, Flyway, Jetty, JSON.
port=$((20000 + RANDOM % 20000))
step "$server_launcher sandbox --port $port (GET /api/v1/health)"
# (env, not the run function: $! must be the launcher itself so that kill stops it)
env "${isolated_env[@]}" "$server_launcher" sandbox --port "$port" --organisations 2 --messages 10 --token-file "$work/token" \
    >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
health=""
for _ in $(seq 1 60); do
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
        cat "$work/sandbox.log" >&2
        fail "the sandbox stopped before it served (log above)"
    fi
    # bash's /dev/tcp: no curl or wget on a minimal machine
    if health="$(exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$port" \
            && printf 'GET /api/v1/health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && cat <&3)"; then
        break
    fi
    sleep 1
done
kill "$sandbox_pid" 2>/dev/null || true
wait "$sandbox_pid" 2>/dev/null || true
echo "$health" | head -n 1 | grep -q " 200" || {
    cat "$work/sandbox.log" >&2
    fail "GET /api/v1/health on the installed sandbox did not answer 200: $(echo "$health" | head -n 1)"
}
echo "    $(echo "$health" | tail -n 1)"

# --- optional: the console itself, under Xvfb -----------------------------------------------------
if [ "${VERIFY_GUI:-0}" = 1 ]; then
    step "xvfb-run $launcher --screenshot (JavaFX from the installed runtime)"
    timeout 180 xvfb-run -a env "${isolated_env[@]}" "$launcher" --screenshot "$work/shots" \
        >"$work/gui.log" 2>&1 || { cat "$work/gui.log" >&2; fail "--screenshot under Xvfb failed (log above)"; }
    shots=$(find "$work/shots" -name '*.png' | wc -l)
    [ "$shots" -gt 0 ] || fail "--screenshot wrote no PNG files"
    echo "    $shots screenshots"
fi

# --- sizes ----------------------------------------------------------------------------------------
installed_kb="$(dpkg-query -W -f='${Installed-Size}' "$package")"
on_disk="$(du -sh /opt/spine-console | cut -f1)"
echo
echo "verify-deb: OK: $(basename "$deb")"
echo "    .deb size:       $deb_mb MB ($deb_bytes bytes; limit $max_mb MB)"
echo "    installed size:  $((installed_kb / 1024)) MiB (Installed-Size $installed_kb KiB; $on_disk in /opt/spine-console)"
echo "    build time:      $build_seconds s (build-installer.sh)"
echo "    launchers:       $expected; --help, bad argument (exit 2); spine-console-server sandbox checked"
