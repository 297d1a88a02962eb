#!/usr/bin/env bash
# Prepares the class data of a Linux app image that jpackage built, so that the installed console
# starts faster (AppCDS: the classes a start loads, already parsed and verified, mapped from a file).
#
#   installers/class-data.sh IMAGE TYPE JAVA_HOME       (installers/build-installer.sh runs it)
#
# 1. A training start: the image's own launcher starts the console under a display (xvfb-run when
#    there is none), on a throw-away home where it seeds its sandbox, with --startup-probe (it exits
#    once the first data is on screen) and -XX:DumpLoadedClassList. IMAGE/lib/app/spine-console.classlist
#    then names every class that start loaded.
# 2. An app image or .rpm also gets the bundled runtime's default archive, lib/runtime/lib/server/
#    classes.jsa, made from the JDK and JavaFX classes of that list (they are in the runtime itself):
#    it names no class path, so it holds wherever the image is put, and the JVM uses it unasked.
# 3. A .deb gets nothing more here: its postinst makes the archive of the whole list, the app's jars
#    too, where it is installed (installers/linux/postinst). Java 17 uses an archive of class-path jars
#    only with the very class path it was made with, /opt/spine-console/lib/app/..., which does not
#    exist at build time; and that archive (~80 MB) need not travel in the package.
#
# Without a display, Xvfb or the GTK libraries, or if anything else fails, it says why and exits 1:
# the image is left without class data and the app starts as before, only slower.
set -euo pipefail

die() { echo "class-data: $*" >&2; exit 1; }
step() { echo "==> $*"; }

[ $# -eq 3 ] || die "usage: $0 IMAGE TYPE JAVA_HOME"
image="$1"
type="$2"
java_home="$3"
name="$(basename "$image")"
launcher="$image/bin/$name"
list="$image/lib/app/$name.classlist"
runtime="$image/lib/runtime"
[ -x "$launcher" ] || die "no launcher at $launcher"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- 1. the training start ----------------------------------------------------------------------
if [ -n "${DISPLAY:-}" ]; then
    display=()
elif command -v xvfb-run >/dev/null; then
    display=(xvfb-run -a)
else
    die "no display and no xvfb-run for the training start (apt-get install xvfb xauth)"
fi
step "training start of $launcher (${display[*]:-DISPLAY=$DISPLAY}): the classes a start loads"
rm -f "$list"
# Its own folders (Java takes the home folder from the user database, so the XDG variables name them).
if ! timeout 600 "${display[@]}" env XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
        XDG_STATE_HOME="$work/state" JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" \
        "$launcher" --startup-probe >"$work/training.log" 2>&1 \
        || ! grep -q '^data-shown-ms=' "$work/training.log"; then
    tail -n 20 "$work/training.log" >&2
    rm -f "$list"
    die "the training start did not get to its data (log above)"
fi
classes="$(grep -vc '^[#@]' "$list" || true)"
echo "    $classes classes, $(grep -c '^@lambda-proxy' "$list" || true) lambdas; the start: $(tr '\n' ' ' < <(grep -- '-ms=' "$work/training.log"))"

# --- 2. the runtime's default archive (not for a .deb: see above) -------------------------------
if [ "$type" = deb ]; then
    echo "    the .deb's postinst makes the archive from $(basename "$list") where it is installed"
    exit 0
fi
step "the runtime's default class-data archive (JDK and JavaFX classes)"
# The classes in the runtime's modules file, as class-list names ("java/lang/Object").
"$java_home/bin/jimage" list "$runtime/lib/modules" \
    | awk '/^Module: /{next} /\.class$/{sub(/^ +/, ""); sub(/\.class$/, ""); print}' > "$work/runtime-classes"
# Keep the list's lines about those classes, the lambdas they make, and the invokers every start needs.
awk 'NR == FNR { inRuntime[$1] = 1; next }
     /^#/ || /^@lambda-form-invoker/ { print; next }
     /^@lambda-proxy/ { if ($2 in inRuntime) print; next }
     ($1 in inRuntime) { print }' "$work/runtime-classes" "$list" > "$work/runtime.classlist"
archive="$runtime/lib/server/classes.jsa"
rm -f "$archive"
# -Xshare:dump through the launcher itself: the archive is made by the runtime that will map it.
if ! _JAVA_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/runtime.classlist -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
        "$launcher" >"$work/dump.log" 2>&1 || [ ! -s "$archive" ]; then
    tail -n 20 "$work/dump.log" >&2
    rm -f "$archive"
    die "could not make $archive (log above)"
fi
echo "    $(grep -vc '^[#@]' "$work/runtime.classlist") classes: $(du -h "$archive" | cut -f1) in $archive"
