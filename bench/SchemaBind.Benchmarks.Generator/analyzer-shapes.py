#!/usr/bin/env python3
"""What the SDK's CA2252 (preview features) follows: the same 800 types of 12 properties in several shapes, one
directory each, for `analyzers DIR 1 --only CA2252` (see docs/performance.md, "Where the build's remaining time goes").
  A  SchemaBind's record shape: SB::JsonSchemaRecord<T> base, IJsonModel<T> and IJsonSchemaModel<T>
  B  a plain record               C  a class with two small interfaces, as Kiota's models
  D  SB::JsonRecord<T> base and IJsonModel<T> only
  K  SB::JsonRecord<T> base, IJsonModel<T> and IJsonSchemaModel<T> (one base record fewer than A, ValidateJson its own)
  E  a class implementing IJsonModel<T> and IJsonSchemaModel<T> itself
  G  a record with one interface of eight instance methods   H  one interface of one method
  I  a record with eight interfaces of one method each       J  one interface of eight static abstract methods
Usage: python3 analyzer-shapes.py OUT; then, for each shape, SchemaBind.Benchmarks.Generator analyzers OUT/X 1 --only CA2252.
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "shapes"
N, P = 800, 12
sb = "using SB = global::SchemaBind.Runtime;\nusing STJ = global::System.Text.Json;\nnamespace Shapes;\n"


def props():
    return "".join(f"    public string? P{j} {{ get; init; }}\n" for j in range(P))


def members(name, override, schema=True):
    o = "override " if override else ""
    text = (f"    public static {name} ReadJson(ref STJ::Utf8JsonReader reader) => throw null!;\n"
            f"    public static void WriteJson(STJ::Utf8JsonWriter writer, {name} value, bool redact) => throw null!;\n"
            f"    public {o}void Validate(SB::ValidationContext context) {{ }}\n")
    return text + (f"    public static SB::JsonSchemaValidator JsonSchema => throw null!;\n" if schema else "")


impl8 = "".join(f"    public void M{j}() {{ }}\n" for j in range(1, 9))
shapes = {
    "A": (sb, lambda n: f"public sealed partial record {n}() : SB::JsonSchemaRecord<{n}>, SB::IJsonModel<{n}>, SB::IJsonSchemaModel<{n}>\n{{\n{props()}{members(n, True)}}}\n"),
    "B": (sb, lambda n: f"public sealed partial record {n}()\n{{\n{props()}}}\n"),
    "C": (sb + "public interface IParsable2 { void Serialize(object writer); object Fields(); }\n"
          "public interface IHolder { System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; } }\n",
          lambda n: f"public partial class {n} : IParsable2, IHolder\n{{\n{props()}"
                    "    public System.Collections.Generic.IDictionary<string, object> AdditionalData { get; set; } = null!;\n"
                    "    public void Serialize(object writer) { }\n    public object Fields() => null!;\n}\n"),
    "D": (sb, lambda n: f"public sealed partial record {n}() : SB::JsonRecord<{n}>, SB::IJsonModel<{n}>\n{{\n{props()}{members(n, True, schema=False)}}}\n"),
    "K": (sb, lambda n: f"public sealed partial record {n}() : SB::JsonRecord<{n}>, SB::IJsonModel<{n}>, SB::IJsonSchemaModel<{n}>\n{{\n{props()}{members(n, True)}"
                        "    public static System.Collections.Generic.IReadOnlyList<SB::ValidationError> ValidateJson(STJ::JsonElement json) => null!;\n}\n"),
    "E": (sb, lambda n: f"public sealed partial class {n} : SB::IJsonModel<{n}>, SB::IJsonSchemaModel<{n}>\n{{\n{props()}"
                        f"    public static {n} FromJson(string json) => throw null!;\n"
                        f"    public static {n} FromJson(System.ReadOnlySpan<byte> utf8Json) => throw null!;\n"
                        f"    public static void WriteJson(STJ::Utf8JsonWriter writer, {n} value) {{ }}\n"
                        "    public string ToJson() => null!;\n"
                        "    public System.Collections.Generic.IReadOnlyList<SB::ValidationError> Validate() => null!;\n"
                        "    public static System.Collections.Generic.IReadOnlyList<SB::ValidationError> ValidateJson(STJ::JsonElement json) => null!;\n"
                        f"{members(n, False)}}}\n"),
    "G": ("namespace Shapes;\npublic interface IM8<T> { " + " ".join(f"void M{j}();" for j in range(1, 9)) + " }\n",
          lambda n: f"public sealed partial record {n}() : IM8<{n}>\n{{\n{props()}{impl8}}}\n"),
    "H": ("namespace Shapes;\npublic interface IM1<T> { void M1(); }\n",
          lambda n: f"public sealed partial record {n}() : IM1<{n}>\n{{\n{props()}    public void M1() {{ }}\n}}\n"),
    "I": ("namespace Shapes;\n" + "".join(f"public interface IS{j}<T> {{ void M{j}(); }}\n" for j in range(1, 9)),
          lambda n: f"public sealed partial record {n}() : " + ", ".join(f"IS{j}<{n}>" for j in range(1, 9)) + f"\n{{\n{props()}{impl8}}}\n"),
    "J": ("namespace Shapes;\npublic interface IM8S<T> where T : IM8S<T> { " + " ".join(f"static abstract void M{j}();" for j in range(1, 9)) + " }\n",
          lambda n: f"public sealed partial record {n}() : IM8S<{n}>\n{{\n{props()}" + "".join(f"    public static void M{j}() {{ }}\n" for j in range(1, 9)) + "}\n"),
}
for key, (header, make) in shapes.items():
    os.makedirs(os.path.join(out, key), exist_ok=True)
    with open(os.path.join(out, key, key + ".cs"), "w") as f:
        f.write(header + "".join(make(f"{key}{i}") for i in range(N)))
print(f"{len(shapes)} shapes of {N} types in {out}")
