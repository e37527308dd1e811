#!/usr/bin/env bash
# Packs src/Runtime as a user would (a local pack, with its local version), checks the package's metadata, layout,
# README and per-target dependencies, checks that a change packs under a new version, then builds and runs a fresh
# console app for each target framework the package ships for, referencing only that package from a local folder
# feed (outside this repository's build settings). Then packs src/Testing beside it and runs, for each target, a fresh
# test project that references only CpWebSocket.Testing and runs an in-memory test. A runtime other than the SDK's own
# runs self-contained.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
versions=()
cleanup() {
  rm -rf "$work"
  # Each local pack has its own version: leave none of them behind in the package cache.
  local packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}" version
  for version in "${versions[@]}"; do rm -rf "${packages:?}/cpwebsocket/$version" "${packages:?}/cpwebsocket.testing/$version"; done
}
trap cleanup EXIT

fail() { echo "package smoke: $*" >&2; exit 1; }

# Packs into a fresh feed folder and prints the version of the package it made.
pack() {
  local feed=$1; shift
  dotnet pack "$root/src/Runtime" -c Release -o "$feed" --nologo -v quiet "$@" >&2
  local package
  package=$(find "$feed" -name 'CpWebSocket.*.nupkg' -printf '%f\n')
  [ "$(wc -l <<<"$package")" -eq 1 ] || fail "expected one package in $feed, found: $package"
  package=${package#CpWebSocket.}
  echo "${package%.nupkg}"
}

version=$(pack "$work/feed")
versions+=("$version")
package="$work/feed/CpWebSocket.$version.nupkg"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+-dev\.[0-9]{14}$ ]] || fail "a local pack is versioned $version, not <prefix>-dev.<yyyyMMddHHmmss>"
echo "package smoke: packed CpWebSocket $version"

# Layout: a build per target, the generator, the build check, the icon and the README.
targets=$(dotnet msbuild "$root/src/Runtime/CpWebSocket.csproj" -getProperty:TargetFrameworks)
listing="$(unzip -l "$package")"
entries=(analyzers/dotnet/cs/CpWebSocket.Generators.dll buildTransitive/CpWebSocket.targets icon.png README.md)
for target in ${targets//;/ }; do entries+=("lib/$target/CpWebSocket.dll" "lib/$target/CpWebSocket.xml"); done
for entry in "${entries[@]}"; do
  grep -q " $entry\$" <<<"$listing" || fail "$entry is missing from $(basename "$package")"
done
echo "package smoke: carries ${entries[*]}"

# The Websocket.Client transport ships apart, depending on this very version of CpWebSocket; CpWebSocket itself
# does not depend on Websocket.Client.
if grep -q 'id="Websocket.Client"' <<<"$(unzip -p "$package" CpWebSocket.nuspec)"; then
  fail "$(basename "$package") depends on Websocket.Client; only CpWebSocket.WebsocketClient may"
fi
dotnet pack "$root/src/WebsocketClient" -c Release -o "$work/transport-feed" -p:Version="$version" --nologo -v quiet >&2
transport="$work/transport-feed/CpWebSocket.WebsocketClient.$version.nupkg"
transport_listing="$(unzip -l "$transport")"
transport_targets=$(dotnet msbuild "$root/src/WebsocketClient/CpWebSocket.WebsocketClient.csproj" -getProperty:TargetFrameworks)
[ "$transport_targets" = "$targets" ] || fail "CpWebSocket.WebsocketClient targets $transport_targets, CpWebSocket $targets"
for target in ${targets//;/ }; do
  grep -q " lib/$target/CpWebSocket.WebsocketClient.dll\$" <<<"$transport_listing" || fail "lib/$target is missing from $(basename "$transport")"
done
grep -q "id=\"CpWebSocket\" version=\"$version\"" <<<"$(unzip -p "$transport" CpWebSocket.WebsocketClient.nuspec)" \
  || fail "$(basename "$transport") does not depend on CpWebSocket $version"
echo "package smoke: $(basename "$transport") carries a build per target and depends on CpWebSocket $version"

# Metadata.
nuspec="$(unzip -p "$package" CpWebSocket.nuspec)"
for element in '<license type="expression">MIT</license>' '<icon>icon.png</icon>' '<readme>README.md</readme>' \
  '<projectUrl>https://' '<repository type="git" url="https://' '<releaseNotes>' '<description>' '<authors>' '<tags>'; do
  grep -qF "$element" <<<"$nuspec" || fail "the nuspec has no $element"
done
echo "package smoke: license, icon, readme, project and repository URLs, release notes, description, authors, tags"

# The README is written for package users: links that work on a package page, no repository-only sections.
readme="$(unzip -p "$package" README.md)"
relative=$(grep -oE '\]\([^)]*\)' <<<"$readme" | grep -vE '^\]\(https://' || true)
[ -z "$relative" ] || fail "the package README has links that are not absolute: $relative"
sections=$(grep -iE '^#+ .*(benchmark|test|building|ci\b)' <<<"$readme" || true)
[ -z "$sections" ] || fail "the package README has repository-only sections: $sections"
grep -qE '^## Install' <<<"$readme" || fail "the package README has no Install section"
echo "package smoke: README with absolute links only and no repository-only sections"

# Dependencies per target: each build takes the logging abstractions of its own .NET line, except where the group
# also depends on Websocket.Client 5.5, which requires the 10.x line on every target.
for target in ${targets//;/ }; do
  group=$(awk -v t="$target" '$0 ~ "<group targetFramework=\"" t "\"" { on = 1; next } on && /<\/group>/ { exit } on' <<<"$nuspec")
  [ -n "$group" ] || fail "the nuspec has no dependency group for $target"
  logging=$(sed -nE 's/.*id="Microsoft.Extensions.Logging.Abstractions" version="([^"]+)".*/\1/p' <<<"$group")
  [ -n "$logging" ] || fail "the $target build does not depend on Microsoft.Extensions.Logging.Abstractions"
  expected=${target#net}; expected=${expected%%.*}
  if grep -q 'id="Websocket.Client"' <<<"$group"; then expected=10; fi
  [ "${logging%%.*}" = "$expected" ] || fail "the $target build depends on Microsoft.Extensions.Logging.Abstractions $logging, not $expected.x"
  echo "package smoke: $target depends on Microsoft.Extensions.Logging.Abstractions $logging"
done

# A change packs under a new, higher version, so that no consumer restores the old one from its cache.
touch "$root/src/Runtime/PACKAGE.md"
repacked=$(pack "$work/feed2" --no-build)
versions+=("$repacked")
[[ $repacked > $version ]] || fail "a pack after a change is versioned $repacked, not above $version"
echo "package smoke: after a change the package is versioned $repacked (was $version)"
version=$repacked
feed="$work/feed2"

# A fresh console app per target, from the package alone.
for target in ${targets//;/ }; do
  self_contained=false
  [ "$target" = net10.0 ] || self_contained=true
  app="$work/app-$target"
  mkdir -p "$app"
  cp "$root/tests/PackageSmoke/App/Program.cs" "$app/"
  sed -e "s/@VERSION@/$version/" -e "s/@TARGET@/$target/" -e "s/@SELF_CONTAINED@/$self_contained/" \
    "$root/tests/PackageSmoke/App/PackageSmoke.csproj.template" > "$app/PackageSmoke.csproj"
  cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="CpWebSocket" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
  # An empty Directory.Build.props keeps the repository's settings out of the consumer build.
  echo '<Project />' > "$app/Directory.Build.props"
  echo '<Project />' > "$app/Directory.Packages.props"
  cp "$root/global.json" "$app/"
  echo "package smoke: a $target console app (self-contained: $self_contained)"
  dotnet build "$app/PackageSmoke.csproj" -c Release --nologo -v quiet
  dotnet msbuild "$app/PackageSmoke.csproj" -preprocess:"$app/preprocessed.xml" -p:Configuration=Release >/dev/null
  grep -q 'Name="CpWebSocketCheckCompilerVersion"' "$app/preprocessed.xml" || fail "the $target app does not import the package's compiler check"
  timeout 120 dotnet run --project "$app/PackageSmoke.csproj" -c Release --no-build
done

# CpWebSocket.Testing, packed under the same version and depending on this very CpWebSocket, with the generator flowing
# through (a test project that installs only it declares contracts too).
dotnet pack "$root/src/Testing" -c Release -o "$feed" -p:Version="$version" --nologo -v quiet >&2
testing="$feed/CpWebSocket.Testing.$version.nupkg"
[ -f "$testing" ] || fail "packing src/Testing made no CpWebSocket.Testing.$version.nupkg"
testing_listing="$(unzip -l "$testing")"
testing_targets=$(dotnet msbuild "$root/src/Testing/CpWebSocket.Testing.csproj" -getProperty:TargetFrameworks)
[ "$testing_targets" = "$targets" ] || fail "CpWebSocket.Testing targets $testing_targets, CpWebSocket $targets"
for entry in icon.png README.md; do
  grep -q " $entry\$" <<<"$testing_listing" || fail "$entry is missing from $(basename "$testing")"
done
for target in ${targets//;/ }; do
  for entry in "lib/$target/CpWebSocket.Testing.dll" "lib/$target/CpWebSocket.Testing.xml"; do
    grep -q " $entry\$" <<<"$testing_listing" || fail "$entry is missing from $(basename "$testing")"
  done
done
testing_nuspec="$(unzip -p "$testing" CpWebSocket.Testing.nuspec)"
for element in '<license type="expression">MIT</license>' '<icon>icon.png</icon>' '<readme>README.md</readme>' \
  '<projectUrl>https://' '<repository type="git" url="https://' '<releaseNotes>' '<description>' '<authors>' '<tags>'; do
  grep -qF "$element" <<<"$testing_nuspec" || fail "the CpWebSocket.Testing nuspec has no $element"
done
dependency=$(grep -o "<dependency id=\"CpWebSocket\" [^>]*>" <<<"$testing_nuspec" | sort -u)
[ "$(wc -l <<<"$dependency")" -eq 1 ] && grep -q "version=\"$version\"" <<<"$dependency" \
  || fail "$(basename "$testing") does not depend on CpWebSocket $version alone: $dependency"
! grep -q 'exclude=' <<<"$dependency" || fail "$(basename "$testing") keeps CpWebSocket's assets from its users: $dependency"
relative=$(grep -oE '\]\([^)]*\)' <<<"$(unzip -p "$testing" README.md)" | grep -vE '^\]\(https://' || true)
[ -z "$relative" ] || fail "the CpWebSocket.Testing README has links that are not absolute: $relative"
echo "package smoke: $(basename "$testing") carries a build per target, its metadata and README, and depends on CpWebSocket $version"

# A fresh test project per target, from the testing package alone (the test framework from nuget.org, at the versions
# this repository's tests use).
package_version() { sed -nE "s/.*<PackageVersion Include=\"$1\" Version=\"([^\"]+)\".*/\1/p" "$root/Directory.Packages.props"; }
for target in ${targets//;/ }; do
  self_contained=false
  [ "$target" = net10.0 ] || self_contained=true
  project="$work/tests-$target"
  mkdir -p "$project"
  cp "$root/tests/PackageSmoke/TestingApp/ChatTests.cs" "$project/"
  sed -e "s/@VERSION@/$version/" -e "s/@TARGET@/$target/" -e "s/@SELF_CONTAINED@/$self_contained/" \
    -e "s/@TEST_SDK_VERSION@/$(package_version Microsoft.NET.Test.Sdk)/" -e "s/@XUNIT_VERSION@/$(package_version xunit)/" \
    -e "s/@XUNIT_RUNNER_VERSION@/$(package_version xunit.runner.visualstudio)/" \
    "$root/tests/PackageSmoke/TestingApp/PackageSmoke.Testing.csproj.template" > "$project/PackageSmoke.Testing.csproj"
  cat > "$project/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="CpWebSocket" /><package pattern="CpWebSocket.Testing" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
  echo '<Project />' > "$project/Directory.Build.props"
  echo '<Project />' > "$project/Directory.Packages.props"
  cp "$root/global.json" "$project/"
  echo "package smoke: a $target test project on CpWebSocket.Testing (self-contained: $self_contained)"
  dotnet build "$project/PackageSmoke.Testing.csproj" -c Release --nologo -v quiet
  output=$(timeout 300 dotnet test "$project/PackageSmoke.Testing.csproj" -c Release --no-build --nologo) \
    || { printf '%s\n' "$output"; fail "the $target test project on CpWebSocket.Testing failed"; }
  printf '%s\n' "$output" | grep -E 'Passed!|Failed!'
  grep -qE 'Failed: +0, Passed: +2,' <<<"$output" || fail "the $target test project on CpWebSocket.Testing did not run its 2 tests"
done
echo "package smoke: ok"
