namespace SchemaBind.Generator.Emitting;

/// <summary>
/// Emits a client's groups (the item's <c>GroupBy</c>): for each, a property of the client (<c>client.Issues</c>), and
/// a class and an interface whose methods forward to the client's own under the group's shorter names
/// (<c>client.Issues.GetAsync</c> is <c>client.IssuesGetAsync</c>). Nothing when the client is flat.
/// </summary>
internal static class GroupEmitter
{
    /// <summary>The names the groups give to members of the client and of the group classes, which would hide types of the same name.</summary>
    public static void AddHidingNames(ClientSpec client, HashSet<string> hiding)
    {
        foreach (ClientGroupSpec group in client.Groups)
        {
            hiding.Add(group.PropertyName);
            foreach (GroupMemberSpec member in group.Members)
            {
                hiding.Add(member.GroupMethodName + "Async");
                hiding.Add(member.GroupMethodName + "WithResponseAsync");
            }
        }
    }

    /// <summary>The documentation of a group's property, on the client and on its interface.</summary>
    public static void EmitPropertyDocs(SourceWriter w, ClientSpec client, ClientGroupSpec group)
    {
        string count = group.Members.Count == 1 ? "The operation" : "The " + group.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " operations";
        w.Line($"/// <summary>{count} of <c>{CSharp.Xml(group.Key)}</c>: the same methods as the client's, named without the group.</summary>");
    }

    public static void Emit(SourceWriter w, ClientSpec client)
    {
        if (client.Groups.IsEmpty)
        {
            return;
        }

        var operations = client.Operations.ToDictionary(static o => o.MethodName, System.StringComparer.Ordinal);
        string clientInterface = InterfaceEmitter.NameOf(client);

        // The client's side: one property per group, made on first use (a group holds nothing but the client).
        // The class's other part has its attributes and documentation.
        w.Line($"// The groups of {client.Name}'s operations.");
        w.OpenBlock($"public sealed partial class {client.Name}");
        bool first = true;
        foreach (ClientGroupSpec group in client.Groups)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            string field = "_" + char.ToLowerInvariant(group.PropertyName[0]) + group.PropertyName.Substring(1);
            w.Line($"private {group.ClassName}? {field};");
            w.Line();
            EmitPropertyDocs(w, client, group);
            w.Line($"public {group.ClassName} {group.PropertyName} => {field} ??= new {group.ClassName}(this);");
            w.Line();
            w.Line("/// <inheritdoc/>");
            w.Line($"{group.InterfaceName} {clientInterface}.{group.PropertyName} => {group.PropertyName};");
        }

        w.CloseBlock();
        foreach (ClientGroupSpec group in client.Groups)
        {
            w.Line();
            EmitGroupInterface(w, client, clientInterface, group, operations);
            w.Line();
            EmitGroupClass(w, client, group, operations);
        }

        w.Line();
    }

    private static void EmitGroupInterface(SourceWriter w, ClientSpec client, string clientInterface, ClientGroupSpec group, Dictionary<string, OperationSpec> operations)
    {
        w.Line($"/// <summary>The operations of <c>{CSharp.Xml(group.Key)}</c>, as <see cref=\"{client.Name}\"/> sends them: <c>client.{group.PropertyName}</c>.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public partial interface {group.InterfaceName}");
        EmitMembers(w, group, operations, (operation, clientMethod, signature, _) =>
        {
            w.Line($"/// <inheritdoc cref=\"{clientInterface}.{clientMethod}\"/>");
            Obsolete(w, operation);
            w.Line(signature + ";");
        });
        w.CloseBlock();
    }

    private static void EmitGroupClass(SourceWriter w, ClientSpec client, ClientGroupSpec group, Dictionary<string, OperationSpec> operations)
    {
        w.Line($"/// <summary>The operations of <c>{CSharp.Xml(group.Key)}</c>: each method is the <see cref=\"{client.Name}\"/> method of the same operation.</summary>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public sealed partial class {group.ClassName} : {group.InterfaceName}");
        w.Line($"private readonly {client.Name} _client;");
        w.Line();
        w.Line($"internal {group.ClassName}({client.Name} client) => _client = client;");
        w.Line();
        EmitMembers(w, group, operations, (operation, clientMethod, signature, parameters) =>
        {
            w.Line("/// <inheritdoc/>");
            Obsolete(w, operation);
            w.Line($"public {signature} =>");
            w.Line($"    _client.{clientMethod}({parameters.Arguments});");
        });
        w.CloseBlock();
    }

    /// <summary>
    /// Calls <paramref name="emit"/> for each method of a group, blank lines between: each member's operation, the
    /// client's method it stands for (<c>IssuesGetAsync</c> or <c>IssuesGetWithResponseAsync</c>), its signature under
    /// the group's name, and the parameters it forwards (made once per operation, for both of its methods).
    /// </summary>
    private static void EmitMembers(SourceWriter w, ClientGroupSpec group, Dictionary<string, OperationSpec> operations, System.Action<OperationSpec, string, string, ClientEmitter.OperationParameters> emit)
    {
        bool first = true;
        foreach (GroupMemberSpec member in group.Members)
        {
            OperationSpec operation = operations[member.MethodName];
            var parameters = ClientEmitter.OperationParameters.Of(operation);
            foreach (bool withResponse in new[] { false, true })
            {
                if (withResponse && ClientEmitter.IsStreamed(operation))
                {
                    continue; // a streamed response has no WithResponseAsync method
                }

                if (!first)
                {
                    w.Line();
                }

                first = false;
                string signature = withResponse
                    ? ClientEmitter.WithResponseSignature(operation, parameters, member.GroupMethodName)
                    : ClientEmitter.PlainSignature(operation, parameters, member.GroupMethodName);
                emit(operation, operation.MethodName + (withResponse ? "WithResponseAsync" : "Async"), signature, parameters);
            }
        }
    }

    private static void Obsolete(SourceWriter w, OperationSpec operation)
    {
        if (operation.Deprecated)
        {
            w.Line(ClientEmitter.ObsoleteAttribute);
        }
    }
}
