namespace SchemaBind.Generator.Emitting;

/// <summary>
/// Emits the client's interface (<c>I&lt;ClientName&gt;</c>): every operation method of the client, with the
/// documentation, so that code which calls the API can take the interface and be given a fake in tests.
/// The client implements it; its own methods inherit the documentation written here.
/// </summary>
internal static class InterfaceEmitter
{
    /// <summary>The interface's name: the one the parser claimed, or <c>I</c> and the client's name.</summary>
    public static string NameOf(ClientSpec client) => client.InterfaceName ?? "I" + client.Name;

    public static void Emit(SourceWriter w, ClientSpec client)
    {
        string name = NameOf(client);
        CSharp.DocComment(
            w,
            "summary",
            client.Title is null ? null : "The operations of " + client.Title + ", as " + client.Name + " sends them.",
            "The operations of the API, as " + client.Name + " sends them.");
        w.Line("/// <remarks>");
        w.Line($"/// Implemented by <see cref=\"{client.Name}\"/>, which <c>Add{client.Name}</c> registers for this interface too:");
        w.Line("/// take the interface where the API is called, and give the code under test a fake of it.");
        w.Line("/// </remarks>");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.OpenBlock($"public partial interface {name}");
        bool first = true;
        foreach (ClientGroupSpec group in client.Groups)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            GroupEmitter.EmitPropertyDocs(w, client, group);
            w.Line($"{group.InterfaceName} {group.PropertyName} {{ get; }}");
        }

        foreach (OperationSpec operation in client.Operations)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            var parameters = ClientEmitter.OperationParameters.Of(operation);
            ClientEmitter.EmitDocs(w, operation, parameters, withResponse: false);
            w.Line(ClientEmitter.PlainSignature(operation, parameters) + ";");
            if (ClientEmitter.IsStreamed(operation))
            {
                continue; // a streamed response has no WithResponseAsync method
            }

            w.Line();
            ClientEmitter.EmitDocs(w, operation, parameters, withResponse: true);
            w.Line(ClientEmitter.WithResponseSignature(operation, parameters) + ";");
        }

        w.CloseBlock();
    }
}
