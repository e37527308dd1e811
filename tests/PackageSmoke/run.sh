#!/usr/bin/env bash
# Packs src/Runtime, checks the package layout, then builds and runs a fresh console app that references
# only that package from a local folder feed (outside this repository's build settings).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="0.1.0-smoke.$(date +%s)"
dotnet pack "$root/src/Runtime" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet

package="$work/feed/CpWebSocket.$version.nupkg"
listing="$(unzip -l "$package")"
for entry in lib/net8.0/CpWebSocket.dll lib/net10.0/CpWebSocket.dll analyzers/dotnet/cs/CpWebSocket.Generators.dll README.md; do
  if ! grep -q " $entry\$" <<<"$listing"; then
    echo "package smoke: $entry is missing from $(basename "$package")" >&2
    exit 1
  fi
done
echo "package smoke: $(basename "$package") carries lib/net8.0, lib/net10.0 and analyzers/dotnet/cs"
if grep -q 'id="Websocket.Client"' <<<"$(unzip -p "$package" CpWebSocket.nuspec)"; then
  echo "package smoke: $(basename "$package") depends on Websocket.Client; only CpWebSocket.WebsocketClient may" >&2
  exit 1
fi

# The Websocket.Client transport ships apart, depending on this very version of CpWebSocket.
dotnet pack "$root/src/WebsocketClient" -c Release -o "$work/feed" -p:Version="$version" --nologo -v quiet
transport="$work/feed/CpWebSocket.WebsocketClient.$version.nupkg"
for entry in lib/net8.0/CpWebSocket.WebsocketClient.dll lib/net10.0/CpWebSocket.WebsocketClient.dll README.md; do
  if ! grep -q " $entry\$" <<<"$(unzip -l "$transport")"; then
    echo "package smoke: $entry is missing from $(basename "$transport")" >&2
    exit 1
  fi
done
if ! grep -q "id=\"CpWebSocket\" version=\"$version\"" <<<"$(unzip -p "$transport" CpWebSocket.WebsocketClient.nuspec)"; then
  echo "package smoke: $(basename "$transport") does not depend on CpWebSocket $version" >&2
  exit 1
fi
echo "package smoke: $(basename "$transport") carries lib/net8.0 and lib/net10.0 and depends on CpWebSocket $version"

mkdir -p "$work/app"
cp "$root/tests/PackageSmoke/App/Program.cs" "$work/app/"
sed "s/@VERSION@/$version/" "$root/tests/PackageSmoke/App/PackageSmoke.csproj.template" > "$work/app/PackageSmoke.csproj"
cat > "$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="CpWebSocket" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
# An empty Directory.Build.props keeps the repository's settings out of the consumer build.
echo '<Project />' > "$work/app/Directory.Build.props"
echo '<Project />' > "$work/app/Directory.Packages.props"
cp "$root/global.json" "$work/app/"
dotnet run --project "$work/app/PackageSmoke.csproj" -c Release --nologo
