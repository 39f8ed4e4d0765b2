namespace SchemaBind.Generator.Emitting;

/// <summary>Emits an enum and its helper class of wire names.</summary>
internal static class EnumEmitter
{
    /// <summary>
    /// An enum and its helper class. The helper's members are one-line calls to the runtime's
    /// <c>EnumWireNames</c> table of the enum's wire names (the members are numbered 0, 1, 2... in the schema's
    /// order): a large API has thousands of enums, and a switch per member and method was most of their code.
    /// Their docs are the runtime's (<c>inheritdoc</c>).
    /// </summary>
    public static void Emit(SourceWriter w, EnumSpec type)
    {
        string name = type.Name;
        string helper = name + "Json";
        string table = CSharp.GeneratedRuntime + "EnumWireNames{TEnum}";
        CSharp.DocComment(w, "summary", type.Description, "The " + CSharp.Xml(name) + " schema.");
        w.Line($"/// <remarks>Written by the schema's names, and a name the schema does not list is kept: see <see cref=\"{helper}\"/>.</remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"[{CSharp.Json}Serialization.JsonConverter(typeof({helper}.Converter))]");
        w.OpenBlock($"public enum {name}");
        foreach (EnumMemberSpec member in type.Members)
        {
            w.Line($"/// <summary><c>{CSharp.Xml(member.WireName)}</c></summary>");
            w.Line($"{member.Name},");
        }

        w.CloseBlock();
        w.Line();
        // How a name the schema does not list is kept is said once, on the enum (its remarks) and in FromWireName's docs.
        w.Line($"/// <summary>Converts <see cref=\"{name}\"/> to and from its wire names.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public static class {helper}");
        int length = 0;
        foreach (EnumMemberSpec member in type.Members)
        {
            length += member.WireName.Length + 4;
        }

        if (type.Members.Count <= 8 && length <= 80)
        {
            w.Line($"private static readonly {CSharp.GeneratedRuntime}EnumWireNames<{name}> s_names = new({CSharp.Quote(name)}, [{string.Join(", ", type.Members.Select(static m => CSharp.String(m.WireName)))}]);");
        }
        else
        {
            w.Line($"private static readonly {CSharp.GeneratedRuntime}EnumWireNames<{name}> s_names = new(");
            w.Indent();
            w.Line($"{CSharp.Quote(name)},");
            w.Line("[");
            w.Indent();
            foreach (EnumMemberSpec member in type.Members)
            {
                w.Line($"{CSharp.Quote(member.WireName)},");
            }

            w.Unindent();
            w.Line("]);");
            w.Unindent();
        }

        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.ToWireName\"/>");
        w.Line($"public static string ToWireName(this {name} value) => s_names.ToWireName(value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.FromWireName\"/>");
        w.Line($"public static {name} FromWireName(string wireName) => s_names.FromWireName(wireName);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.TryParse\"/>");
        w.Line($"public static bool TryParse(string? wireName, out {name} value) => s_names.TryParse(wireName, out value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.IsDefined\"/>");
        w.Line($"public static bool IsDefined({name} value) => s_names.IsDefined(value);");
        w.Line();
        w.Line($"/// <inheritdoc cref=\"{table}.Read\"/>");
        w.Line($"public static {name} ReadJson(ref {CSharp.Json}Utf8JsonReader reader) => s_names.Read(ref reader);");
        w.Line();
        w.Line("/// <inheritdoc/>"); // the runtime base class's: reads and writes the enum by its wire names, without reflection
        w.Line($"public sealed class Converter() : {CSharp.GeneratedRuntime}EnumWireNameConverter<{name}>(s_names);");
        w.CloseBlock();
    }
}
