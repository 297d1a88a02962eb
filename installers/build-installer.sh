#!/usr/bin/env bash
# Builds the Spine Console installer for this OS with jpackage. The same command CI runs.
#
#   installers/build-installer.sh [deb|rpm|app-image]     on Linux  (default: deb)
#   installers/build-installer.sh [dmg|pkg|app-image]     on macOS  (default: dmg)
#   (Windows: installers/build-installer.ps1, for the .msi)
#
# Steps: mvn package (no tests) -> runtime jars into target/installer/input, the platform's JavaFX
# jars into target/installer/javafx-mods (both with maven-dependency-plugin from the command line,
# no POM change) -> check the jlink module list against jdeps -> jpackage, which links a trimmed
# Java runtime with JavaFX in it and packages it with the app jars. On Linux jpackage first builds
# the app image, installers/class-data.sh prepares its class data (a training start under a display:
# see there), and jpackage then packages that image. Output: target/installer/dist.
#
# Needs: JDK 17+ with jpackage (JAVA_HOME, else the java on PATH) and Maven. The .deb also needs
# fakeroot, binutils (objcopy) and dpkg-dev; the .rpm needs rpm-build. Environment:
#   MVN          Maven command (default: mvn)
#   JPACKAGE_VERBOSE=1  let jpackage say which resources it used and which commands it ran
#   SKIP_BUILD=1 reuse target/<artifact>-<version>.jar from an earlier `mvn package`/`mvn verify`
#   CLASS_DATA=0 build without the class-data archive (Linux; it needs a display or xvfb-run)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

die() { echo "build-installer: $*" >&2; exit 1; }
step() { echo "==> $*"; }

# --- platform and package type ------------------------------------------------------------------
arch="$(uname -m)"
case "$(uname -s)" in
    Linux)
        os=linux
        default_type=deb
        allowed="deb rpm app-image"
        case "$arch" in
            aarch64|arm64) fx_classifier=linux-aarch64 ;;
            *) fx_classifier=linux ;;
        esac
        ;;
    Darwin)
        os=macos
        default_type=dmg
        allowed="dmg pkg app-image"
        case "$arch" in
            arm64|aarch64) fx_classifier=mac-aarch64 ;;
            *) fx_classifier=mac ;;
        esac
        ;;
    *) die "unsupported OS '$(uname -s)'; on Windows use installers/build-installer.ps1" ;;
esac
type="${1:-$default_type}"
case " $allowed " in
    *" $type "*) ;;
    *) die "type '$type' cannot be built on $os; choose one of: $allowed" ;;
esac
[ $# -le 1 ] || die "usage: $0 [${allowed// /|}]"

# --- tools ---------------------------------------------------------------------------------------
if [ -z "${JAVA_HOME:-}" ]; then
    if [ "$os" = macos ] && [ -x /usr/libexec/java_home ]; then
        JAVA_HOME="$(/usr/libexec/java_home)"
    elif command -v java >/dev/null; then
        java_bin="$(command -v java)"
        # follow /usr/bin/java -> /etc/alternatives/java -> <jdk>/bin/java
        while [ -L "$java_bin" ]; do
            link="$(readlink "$java_bin")"
            case "$link" in /*) java_bin="$link" ;; *) java_bin="$(dirname "$java_bin")/$link" ;; esac
        done
        JAVA_HOME="$(cd "$(dirname "$java_bin")/.." && pwd)"
    else
        die "no JDK: set JAVA_HOME or put java on PATH"
    fi
fi
jpackage="$JAVA_HOME/bin/jpackage"
jdeps="$JAVA_HOME/bin/jdeps"
[ -x "$jpackage" ] || die "$jpackage not found: JAVA_HOME must be a full JDK 17+ (jpackage is not in a JRE)"
java_feature="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p')"
[ "${java_feature:-0}" -ge 17 ] 2>/dev/null || die "JDK 17 or newer needed, $JAVA_HOME is Java ${java_feature:-unknown}"

MVN="${MVN:-mvn}"
command -v "$MVN" >/dev/null || die "Maven ('$MVN') not found"
mvn_opts=(-B -ntp)
# maven-dependency-plugin, pinned: it runs from the command line, so the POM does not name it.
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

if [ "$type" = deb ]; then
    missing=""
    command -v fakeroot >/dev/null || missing="$missing fakeroot"
    command -v objcopy >/dev/null || missing="$missing binutils"
    command -v dpkg-deb >/dev/null || missing="$missing dpkg-dev"
    [ -z "$missing" ] || die "jpackage needs these for a .deb:$missing (apt-get install -y$missing)"
fi
if [ "$type" = rpm ]; then
    command -v rpmbuild >/dev/null || die "jpackage needs rpmbuild for an .rpm (rpm-build / rpm package)"
fi

started=$SECONDS

# --- build the app jar ---------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" = 1 ] && [ -f target/maven-archiver/pom.properties ]; then
    step "reusing the jar from an earlier build (SKIP_BUILD=1)"
else
    step "mvn package (tests skipped: CI runs them before)"
    "$MVN" "${mvn_opts[@]}" -DskipTests package
fi
props=target/maven-archiver/pom.properties
[ -f "$props" ] || die "$props missing: did mvn package run?"
version="$(sed -n 's/^version=//p' "$props" | tr -d '\r')"
artifact="$(sed -n 's/^artifactId=//p' "$props" | tr -d '\r')"
jar="target/$artifact-$version.jar"
[ -f "$jar" ] || die "$jar missing"

# --- collect the jars ----------------------------------------------------------------------------
out=target/installer
rm -rf "$out"
mkdir -p "$out/input" "$out/javafx-mods" "$out/dist"

step "runtime jars -> $out/input (without JavaFX and test-only jars)"
"$MVN" "${mvn_opts[@]}" -q "$dependency_plugin:copy-dependencies" \
    -DincludeScope=runtime -DexcludeGroupIds=org.openjfx,org.testfx \
    -DoutputDirectory="$out/input"
cp "$jar" "$out/input/"

step "JavaFX jars ($fx_classifier) -> $out/javafx-mods"
# -Dclassifier resolves each org.openjfx dependency in this platform's flavour, whatever platform
# Maven picked when it resolved the POM.
"$MVN" "${mvn_opts[@]}" -q "$dependency_plugin:copy-dependencies" \
    -DincludeScope=runtime -DincludeGroupIds=org.openjfx -Dclassifier="$fx_classifier" \
    -DoutputDirectory="$out/javafx-mods"
ls "$out"/javafx-mods/*-"$fx_classifier".jar >/dev/null 2>&1 || die "no $fx_classifier JavaFX jars were copied"

# --- the jlink module list must cover what jdeps finds -------------------------------------------
step "checking installers/common/app-image.args --add-modules against jdeps"
sep=":"
jdeps_out="$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release "$java_feature" \
    --module-path "$out/javafx-mods$sep$out/input" "$out"/input/*.jar 2>/dev/null | tail -n 1)" \
    || die "jdeps failed; run it by hand to see why"
listed="$(sed -n 's/^--add-modules //p' installers/common/app-image.args | tr -d '\r')"
echo "    jdeps: $jdeps_out"
unlisted=""
for module in $(echo "$jdeps_out" | tr ',' ' '); do
    case "$module" in java.*|jdk.*|javafx.*) ;; *) continue ;; esac
    case ",$listed," in *",$module,"*) ;; *) unlisted="$unlisted $module" ;; esac
done
[ -z "$unlisted" ] || die "the app now needs module(s)$unlisted: add them to --add-modules in installers/common/app-image.args"

# --- platform resources --------------------------------------------------------------------------
app_version="${version%%-*}" # jpackage takes numbers only: 0.2.0-SNAPSHOT -> 0.2.0
image_args=()   # how the app image is built (with common/app-image.args)
package_args=() # how it is packaged
case "$os" in
    linux)
        res="$out/linux-resources"
        mkdir -p "$res"
        # jpackage puts the .desktop file in /opt/spine-console/lib; postinst adds it to the menu.
        cp installers/linux/spine-console.desktop installers/linux/postinst installers/linux/prerm "$res/"
        chmod 755 "$res/postinst" "$res/prerm"
        image_args+=("@installers/linux/app-image.args")
        package_args+=("@installers/linux/jpackage.args")
        case "$type" in
            deb) package_args+=("@installers/linux/deb.args") ;;
            rpm) package_args+=("@installers/linux/rpm.args") ;;
        esac
        ;;
    macos)
        res="$out/macos-resources"
        mkdir -p "$res"
        sed "s/@VERSION@/$version/g" installers/macos/Info.plist > "$res/Info.plist"
        image_args+=("@installers/macos/jpackage.args")
        # jpackage on macOS refuses a first version number of 0 (see installers/macos/Info.plist).
        case "$app_version" in 0|0.*) app_version=1.0.0 ;; esac
        ;;
esac

# --- jpackage ------------------------------------------------------------------------------------
common=(@installers/common/jpackage.args --app-version "$app_version" ${JPACKAGE_VERBOSE:+--verbose})
build_image=(@installers/common/app-image.args "${image_args[@]}" --input "$out/input" --main-jar "$(basename "$jar")"
    --module-path "$out/javafx-mods")
if [ "$os" = linux ]; then
    # Image first, then its class data, then the package made from that image.
    step "jpackage --type app-image (version $version)"
    "$jpackage" "${common[@]}" "${build_image[@]}" --type app-image --dest "$out/image"
    image="$out/image/$(sed -n 's/^--name //p' installers/common/jpackage.args | tr -d '\r')"
    if [ "${CLASS_DATA:-1}" = 1 ]; then
        installers/class-data.sh "$image" "$type" "$JAVA_HOME" \
            || echo "build-installer: WARNING: no class data (see above): the installed app starts slower" >&2
    fi
    if [ "$type" = app-image ]; then
        mv "$image" "$out/dist/"
    else
        # Packaged from an image, jpackage leaves the menu entry out of lib: put it where postinst looks.
        cp installers/linux/spine-console.desktop "$image/lib/spine-console-spine-console.desktop"
        step "jpackage --type $type from the app image"
        "$jpackage" "${common[@]}" "${package_args[@]}" --app-image "$image" --type "$type" --dest "$out/dist"
    fi
else
    step "jpackage --type $type (version $version)"
    "$jpackage" "${common[@]}" "${build_image[@]}" --type "$type" --dest "$out/dist"
fi

# The file name carries the real version even where jpackage had to be given another one.
if [ "$app_version" != "${version%%-*}" ]; then
    for f in "$out"/dist/*"$app_version"*; do
        [ -e "$f" ] && mv "$f" "${f/$app_version/${version%%-*}}"
    done
fi

step "done in $((SECONDS - started)) s:"
ls -l "$out/dist"
