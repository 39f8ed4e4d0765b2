using SchemaBind.Generator.Reading;

namespace SchemaBind.Generator.Parsing;

// Sub-clients (the item's GroupBy="Tag" or "Path"): client.Issues.GetAsync(...). The client keeps every method
// as it is; each group is a property whose class forwards to them, under names without the group's prefix.
internal sealed partial class ClientReader
{
    /// <summary>
    /// The client's groups: by an operation's first tag, or by the first segment of its path that is not a
    /// parameter. An operation without one is in no group (it stays a method of the client, as every operation does).
    /// </summary>
    private EquatableArray<ClientGroupSpec> BuildGroups(JsonObject root, string clientName, List<OperationSpec> operations)
    {
        if (_input.GroupBy == ClientGrouping.None || operations.Count == 0)
        {
            return EquatableArray<ClientGroupSpec>.Empty;
        }

        var keys = new Dictionary<(string Path, string Method), string>();
        if (_input.GroupBy == ClientGrouping.Tag && root.Get("paths") is JsonObject paths)
        {
            foreach (JsonProperty path in paths.Properties)
            {
                if (path.Value is not JsonObject pathItem)
                {
                    continue;
                }

                foreach (JsonProperty method in pathItem.Properties)
                {
                    if (method.Value is JsonObject operation && operation.Get("tags") is JsonArray tags && tags.Items.OfType<JsonString>().FirstOrDefault() is { Value.Length: > 0 } tag)
                    {
                        keys[(path.Name, method.Name)] = tag.Value;
                    }
                }
            }
        }

        var groups = new List<(string Key, List<OperationSpec> Operations)>();
        var byKey = new Dictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
        foreach (OperationSpec operation in operations)
        {
            string? key = _input.GroupBy == ClientGrouping.Tag
                ? (keys.TryGetValue((operation.PathTemplate, operation.HttpMethod), out string? tag) ? tag : null)
                : FirstSegment(operation.PathTemplate);
            if (key is null || Names.ToPascalCase(key).Length == 0)
            {
                continue;
            }

            if (!byKey.TryGetValue(key, out List<OperationSpec>? members))
            {
                byKey.Add(key, members = new List<OperationSpec>());
                groups.Add((key, members));
            }

            members.Add(operation);
        }

        // Property names share the client's members: its methods, BaseAddress and DefaultBaseAddress.
        var properties = new HashSet<string>(StringComparer.Ordinal) { "BaseAddress", "DefaultBaseAddress", clientName };
        foreach (OperationSpec operation in operations)
        {
            properties.Add(operation.MethodName + "Async");
            properties.Add(operation.MethodName + "WithResponseAsync");
        }

        var result = new List<ClientGroupSpec>(groups.Count);
        foreach ((string key, List<OperationSpec> members) in groups.OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            string property = Names.Unique(Names.ToPascalCase(key), properties);
            string className = Names.Unique(clientName + property, _registry.TakenNames);
            string interfaceName = Names.Unique("I" + className, _registry.TakenNames);
            var methods = new HashSet<string>(StringComparer.Ordinal) { className };
            var groupMembers = new List<GroupMemberSpec>(members.Count);

            // Without the group's prefix where that leaves a name (IssuesGet → Get), and the whole name where it would clash.
            foreach (OperationSpec operation in members)
            {
                string shortName = operation.MethodName.StartsWith(property, StringComparison.Ordinal)
                    && operation.MethodName.Length > property.Length
                    && char.IsUpper(operation.MethodName[property.Length])
                        ? operation.MethodName.Substring(property.Length)
                        : operation.MethodName;
                string name = members.Any(o => o != operation && o.MethodName == shortName) || methods.Contains(shortName + "Async") || methods.Contains(shortName + "WithResponseAsync")
                    ? operation.MethodName
                    : shortName;
                name = Names.Unique(name, methods);
                methods.Add(name + "Async");
                methods.Add(name + "WithResponseAsync");
                groupMembers.Add(new GroupMemberSpec(operation.MethodName, name));
            }

            result.Add(new ClientGroupSpec(key, property, className, interfaceName, groupMembers.ToEquatableArray()));
        }

        return result.ToEquatableArray();
    }

    /// <summary>The first segment of a path template that is not a parameter (<c>/repos/{owner}</c> → <c>repos</c>), or null.</summary>
    private static string? FirstSegment(string pathTemplate) =>
        pathTemplate.Split('/').FirstOrDefault(static s => s.Length > 0 && s.IndexOf('{') < 0);
}
