# Sourced by the build-compare scripts: packs the generator and runtime (Release) as version $version into
# "$out/feed", and isolates "$out" from the repository's Directory.Build.props/.targets and central package versions,
# so that the projects built there get SchemaBind as a user does: as packages.
# Needs: $root (the repository), $out (an empty work directory), $version.
pack_local_feed() {
  mkdir -p "$out/feed"
  dotnet build "$root/generator/SchemaBind.Generator" -c Release -nologo -v:q > /dev/null
  dotnet build "$root/runtime/SchemaBind.Runtime" -c Release -nologo -v:q > /dev/null
  for project in generator/SchemaBind.Generator runtime/SchemaBind.Runtime; do
    dotnet pack "$root/$project" -c Release --no-build -o "$out/feed" -p:Version="$version" -nologo -v:q > /dev/null
  done
  echo '<Project />' > "$out/Directory.Build.props"
  echo '<Project />' > "$out/Directory.Build.targets"
  echo '<Project />' > "$out/Directory.Packages.props"
}
