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

# A console project as the comparisons build it: net10.0, Nullable and GenerateDocumentationFile on (CS1591 off).
# $1: extra properties (may be empty); $2: the item lines.
package_project() {
  cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
$1    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
XML
}

# "$out/nuget.config": SchemaBind's packages from the local feed, everything else (Kiota's packages, say) from
# nuget.org, with the packages restored into "$out/packages".
write_nuget_config() {
  cat > "$out/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$out/packages" /></config>
  <packageSources>
    <clear />
    <add key="schemabind-local" value="$out/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="schemabind-local"><package pattern="SchemaBind.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}

# The common start of the scripts that build projects with a large API description, run from this directory:
# $root, $doc (DOC, or GitHub Enterprise Server 3.19 from ../shared/realworld), $version, and an empty "$out"
# (artifacts/generator-bench/$1) with SchemaBind packed into its local feed and its nuget.config written.
large_document_bench() {
  root="$(cd ../.. && pwd)"
  local shared="$root/../shared"; [ -d "$shared" ] || shared=/work/shared
  doc="${DOC:-$shared/realworld/github/ghes-3.19.json}"
  out="$root/artifacts/generator-bench/$1"
  version="0.1.0-bench"
  rm -rf "$out"
  mkdir -p "$out"
  pack_local_feed
  write_nuget_config
}

# The items of a project that takes SchemaBind as packages, with "$doc" as its API description (namespace
# Bench.Api, client BenchClient). $1: more attributes of the SchemaBindApi item (may be empty).
schemabind_items() {
  cat <<XML
    <PackageReference Include="SchemaBind.Runtime" Version="$version" />
    <PackageReference Include="SchemaBind.Generator" Version="$version" PrivateAssets="all" />
    <SchemaBindApi Include="$doc" Namespace="Bench.Api" ClientName="BenchClient"${1:-} />
XML
}

# A project in directory $1 that takes SchemaBind as packages with "$doc" (schemabind_items), a Program.cs that names
# its client, restored. $2: more properties for package_project (may be empty); $3: more SchemaBindApi attributes.
schemabind_project() {
  mkdir -p "$1"
  package_project "${2:-}" "$(schemabind_items "${3:-}")" > "$1/Bench.csproj"
  echo 'System.Console.WriteLine(typeof(Bench.Api.BenchClient).Name);' > "$1/Program.cs"
  dotnet restore "$1" -nologo -v:q > /dev/null
}
