# Builds the Spine Console Windows installer (.msi) with jpackage. The same command CI runs.
#
#   powershell -ExecutionPolicy Bypass -File installers\build-installer.ps1 [msi|exe|app-image]
#
# The Windows twin of build-installer.sh: mvn package (no tests) -> runtime jars into
# target\installer\input, the -win JavaFX jars into target\installer\javafx-mods (maven-dependency-plugin
# from the command line, no POM change) -> module list checked against jdeps -> jpackage.
# Output: target\installer\dist. Needs a JDK 17+ (JAVA_HOME, else java on PATH), Maven, and for
# .msi/.exe WiX Toolset 3 (candle.exe, light.exe on PATH or in Program Files; JDK 17 cannot use WiX 4+).
# Environment: MVN (default mvn), SKIP_BUILD=1 (reuse the jar of an earlier build),
# JPACKAGE_VERBOSE=1 (jpackage --verbose).
param([ValidateSet('msi', 'exe', 'app-image')][string]$Type = 'msi')

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

function Fail($message) { Write-Error "build-installer: $message"; exit 1 }
function Step($message) { Write-Host "==> $message" }
function Invoke-Checked {
    $exe, $rest = $args
    & $exe @rest
    if ($LASTEXITCODE -ne 0) { Fail "$exe failed with exit code $LASTEXITCODE" }
}

# --- tools ---------------------------------------------------------------------------------------
if (-not $env:JAVA_HOME) {
    $java = Get-Command java -ErrorAction SilentlyContinue
    if (-not $java) { Fail 'no JDK: set JAVA_HOME or put java on PATH' }
    $env:JAVA_HOME = Split-Path -Parent (Split-Path -Parent $java.Source)
}
$jpackage = Join-Path $env:JAVA_HOME 'bin\jpackage.exe'
$jdeps = Join-Path $env:JAVA_HOME 'bin\jdeps.exe'
if (-not (Test-Path $jpackage)) { Fail "$jpackage not found: JAVA_HOME must be a full JDK 17+" }
$javaFeature = [int](((& (Join-Path $env:JAVA_HOME 'bin\java.exe') -XshowSettings:properties -version 2>&1) |
        ForEach-Object { "$_" } | Select-String 'java.specification.version = (\d+)').Matches[0].Groups[1].Value)
if ($javaFeature -lt 17) { Fail "JDK 17 or newer needed, $env:JAVA_HOME is Java $javaFeature" }

$mvn = if ($env:MVN) { $env:MVN } else { 'mvn' }
if (-not (Get-Command $mvn -ErrorAction SilentlyContinue)) { Fail "Maven ('$mvn') not found" }
$mvnOpts = @('-B', '-ntp')
$dependencyPlugin = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1'

if ($Type -ne 'app-image' -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    $wix = @(${env:ProgramFiles(x86)}, $env:ProgramFiles) | Where-Object { $_ } |
        ForEach-Object { Get-ChildItem -Path $_ -Directory -Filter 'WiX Toolset v3*' -ErrorAction SilentlyContinue } |
        Sort-Object Name -Descending | Select-Object -First 1
    if (-not $wix) { Fail 'WiX Toolset 3 not found (candle.exe): install it, e.g. choco install wixtoolset --version 3.14.1' }
    $env:PATH = "$(Join-Path $wix.FullName 'bin');$env:PATH"
}

$started = Get-Date

# --- build the app jar ---------------------------------------------------------------------------
$props = 'target\maven-archiver\pom.properties'
if ($env:SKIP_BUILD -eq '1' -and (Test-Path $props)) {
    Step 'reusing the jar from an earlier build (SKIP_BUILD=1)'
} else {
    Step 'mvn package (tests skipped: CI runs them before)'
    Invoke-Checked $mvn @mvnOpts '-DskipTests' package
}
if (-not (Test-Path $props)) { Fail "$props missing: did mvn package run?" }
$pom = @{}
Get-Content $props | Where-Object { $_ -match '^(\w+)=(.*)$' } | ForEach-Object { $pom[$Matches[1]] = $Matches[2].Trim() }
$version = $pom['version']
$jar = "target\$($pom['artifactId'])-$version.jar"
if (-not (Test-Path $jar)) { Fail "$jar missing" }

# --- collect the jars ----------------------------------------------------------------------------
$out = 'target\installer'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input", "$out\javafx-mods", "$out\dist" | Out-Null

Step "runtime jars -> $out\input (without JavaFX and test-only jars)"
# Arguments with dots or commas are quoted so PowerShell passes them to Maven unchanged.
Invoke-Checked $mvn @mvnOpts -q "${dependencyPlugin}:copy-dependencies" '-DincludeScope=runtime' `
    '-DexcludeGroupIds=org.openjfx,org.testfx' "-DoutputDirectory=$out\input"
Copy-Item $jar "$out\input\"

Step "JavaFX jars (win) -> $out\javafx-mods"
Invoke-Checked $mvn @mvnOpts -q "${dependencyPlugin}:copy-dependencies" '-DincludeScope=runtime' `
    '-DincludeGroupIds=org.openjfx' '-Dclassifier=win' "-DoutputDirectory=$out\javafx-mods"
if (-not (Get-ChildItem "$out\javafx-mods\*-win.jar")) { Fail 'no -win JavaFX jars were copied' }

# --- the jlink module list must cover what jdeps finds -------------------------------------------
Step 'checking installers\common\app-image.args --add-modules against jdeps'
$jars = (Get-ChildItem "$out\input\*.jar").FullName
$jdepsOut = (& $jdeps --print-module-deps --ignore-missing-deps --multi-release $javaFeature `
        --module-path "$out\javafx-mods;$out\input" @jars 2>$null | Select-Object -Last 1)
if ($LASTEXITCODE -ne 0 -or -not $jdepsOut) { Fail 'jdeps failed; run it by hand to see why' }
Write-Host "    jdeps: $jdepsOut"
$listed = ((Get-Content installers\common\app-image.args) -match '^--add-modules ' -replace '^--add-modules ', '').Trim().Split(',')
$unlisted = $jdepsOut.Trim().Split(',') | Where-Object { $_ -match '^(java|jdk|javafx)\.' -and $listed -notcontains $_ }
if ($unlisted) { Fail "the app now needs module(s) $($unlisted -join ', '): add them to --add-modules in installers\common\app-image.args" }

# --- jpackage ------------------------------------------------------------------------------------
$appVersion = $version -replace '-.*$', ''   # numbers only: 0.2.0-SNAPSHOT -> 0.2.0
Step "jpackage --type $Type (version $version)"
$jpArgs = @('@installers/common/jpackage.args', '@installers/common/app-image.args', '@installers/windows/jpackage.args',
    '--type', $Type, '--app-version', $appVersion,
    '--input', "$out\input", '--main-jar', (Split-Path -Leaf $jar),
    '--module-path', "$out\javafx-mods", '--dest', "$out\dist")
if ($env:JPACKAGE_VERBOSE -eq '1') { $jpArgs += '--verbose' }
Invoke-Checked $jpackage @jpArgs

Step "done in $([int]((Get-Date) - $started).TotalSeconds) s:"
Get-ChildItem "$out\dist" | Format-Table Name, Length -AutoSize
