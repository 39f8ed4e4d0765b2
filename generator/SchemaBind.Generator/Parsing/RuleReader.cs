using System.Globalization;
using SchemaBind.Generator.Reading;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Parsing;

/// <summary>
/// Rules of an object schema about which members it has and what they hold — <c>dependentRequired</c>,
/// <c>if</c>/<c>then</c>/<c>else</c>, and <c>anyOf</c>/<c>oneOf</c>/<c>not</c>/<c>allOf</c> of schemas made of
/// <c>required</c> and <c>const</c>/<c>enum</c>/<c>pattern</c> tests of its properties — become typed checks
/// (<see cref="RuleSpec"/>), so that Validate() needs no JSON form for them. A rule outside that subset stays
/// with the JSON form (or is SB0004 where there is none), as before.
/// </summary>
/// <remarks>
/// One per parse. For each object type the parser asks <see cref="Plan"/> which keywords are rules, builds the
/// members, then asks <see cref="Compile"/> for the checks; <see cref="IsTyped"/> tells its keyword checks which
/// keywords are the rules'. The enums built so far (<see cref="NoteEnum"/>) let a rule compare a member with one.
/// </remarks>
internal sealed class RuleReader
{
    // The namespace of the generated code: a rule names an enum member by its qualified name.
    private readonly string _namespace;

    // Hands a keyword with no typed form back to the JSON form (or SB0004): DocumentParser's NotTyped.
    private readonly Action<JsonProperty, string> _notTyped;

    // Rule keywords that the typed code of their object checks: CheckKeywords leaves them alone.
    private readonly HashSet<JsonProperty> _typedRuleKeywords = new();

    private readonly Dictionary<string, EnumSpec> _enumsByName = new(StringComparer.Ordinal);

    public RuleReader(string @namespace, Action<JsonProperty, string> notTyped)
    {
        _namespace = @namespace;
        _notTyped = notTyped;
    }

    /// <summary>Whether the keyword is a rule of an object type, checked by its typed code (or handed back by <see cref="Compile"/>).</summary>
    public bool IsTyped(JsonProperty keyword) => _typedRuleKeywords.Contains(keyword);

    /// <summary>Notes an enum type built, which a rule may compare a member with.</summary>
    public void NoteEnum(string name, EnumSpec enumSpec) => _enumsByName[name] = enumSpec;

    /// <summary>
    /// The rule keywords of an object schema and of its inline allOf parts that typed code may check,
    /// in document order; they are set aside from CheckKeywords until <see cref="Compile"/> decides.
    /// </summary>
    public List<JsonProperty> Plan(JsonObject schema, string pointer, List<(JsonObject Schema, string Pointer)> parts)
    {
        var planned = new List<JsonProperty>();
        foreach ((JsonObject part, string partPointer) in parts)
        {
            bool own = ReferenceEquals(part, schema);
            if (!own && !partPointer.StartsWith(pointer + "/allOf/", StringComparison.Ordinal))
            {
                continue; // a $ref part's rules are its own type's, and its JSON Schema checks them here
            }

            foreach (JsonProperty keyword in part.Properties)
            {
                switch (keyword.Name)
                {
                    case "dependentRequired" or "if" or "then" or "else" or "not":
                        planned.Add(keyword);
                        break;
                    case "anyOf" or "oneOf" when DocumentParser.ChoiceAlternatives(part) is null:
                        planned.Add(keyword);
                        break;
                    case "allOf" when keyword.Value is JsonArray items && Array.TrueForAll(items.Items, IsRulePart):
                        planned.Add(keyword);
                        break;
                }
            }
        }

        foreach (JsonProperty keyword in planned)
        {
            _typedRuleKeywords.Add(keyword);
        }

        return planned;
    }

    /// <summary>
    /// An inline allOf part that only adds rules (no properties, no $ref): allOf adds nothing to what its
    /// parts check, and each part's keywords are checked as this object's.
    /// </summary>
    private static bool IsRulePart(JsonNode item)
    {
        if (item is not JsonObject part)
        {
            return false;
        }

        foreach (JsonProperty keyword in part.Properties)
        {
            bool ok = keyword.Name switch
            {
                "required" or "dependentRequired" or "if" or "then" or "else" or "not" or "anyOf" or "oneOf" => true,
                "type" => keyword.Value is JsonString { Value: "object" },
                _ => KeywordSupport.Annotations.Contains(keyword.Name),
            };
            if (!ok || (keyword.Name is "anyOf" or "oneOf" && DocumentParser.ChoiceAlternatives(part) is not null))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The planned rule keywords as typed checks over the object's members. If one of them cannot be
    /// expressed, none is: each goes back to the JSON form (or is SB0004), so no rule is checked twice over.
    /// </summary>
    public EquatableArray<RuleSpec> Compile(List<JsonProperty> planned, JsonObject schema, List<(JsonObject Schema, string Pointer)> parts, List<PropertySpec> properties, bool hasAdditional)
    {
        if (planned.Count == 0)
        {
            return EquatableArray<RuleSpec>.Empty;
        }

        var members = new RuleMembers(this, properties, hasAdditional);
        var rules = new List<RuleSpec>();
        foreach (JsonProperty keyword in planned)
        {
            JsonObject owner = schema.Properties.Contains(keyword) ? schema : parts.Find(p => p.Schema.Properties.Contains(keyword)).Schema;
            if (!members.AddKeywordRules(owner, keyword, rules))
            {
                foreach (JsonProperty untyped in planned)
                {
                    _notTyped(untyped, untyped.Name);
                }

                return EquatableArray<RuleSpec>.Empty;
            }
        }

        return rules.ToEquatableArray();
    }

    /// <summary>Compiles schemas into conditions and rules over one object's members.</summary>
    private sealed class RuleMembers
    {
        private readonly RuleReader _reader;
        private readonly Dictionary<string, PropertySpec> _byJsonName = new(StringComparer.Ordinal);
        private readonly bool _hasAdditional;

        public RuleMembers(RuleReader reader, List<PropertySpec> properties, bool hasAdditional)
        {
            _reader = reader;
            _hasAdditional = hasAdditional;
            foreach (PropertySpec property in properties)
            {
                _byJsonName[property.JsonName] = property;
            }
        }

        /// <summary>The rules of one keyword of the object (or of an inline allOf part); false when it has no typed form.</summary>
        public bool AddKeywordRules(JsonObject owner, JsonProperty keyword, List<RuleSpec> rules)
        {
            switch (keyword.Name)
            {
                case "then" or "else" or "allOf":
                    return true; // with their if / as the parts' own keywords
                case "if":
                    return AddIf(owner, keyword.Value, rules);
                default:
                    return AddAssertion(keyword, rules);
            }
        }

        private bool AddIf(JsonObject owner, JsonNode condition, List<RuleSpec> rules)
        {
            JsonNode? then = owner.Get("then");
            JsonNode? otherwise = owner.Get("else");
            if (then is null && otherwise is null)
            {
                return true; // if alone asserts nothing
            }

            var thenRules = new List<RuleSpec>();
            var elseRules = new List<RuleSpec>();
            if (Condition(condition) is not ConditionSpec test
                || (then is not null && !AddAssertions(then, thenRules))
                || (otherwise is not null && !AddAssertions(otherwise, elseRules)))
            {
                return false;
            }

            switch (test.Kind)
            {
                case ConditionKind.Always:
                    rules.AddRange(thenRules);
                    break;
                case ConditionKind.Never:
                    rules.AddRange(elseRules);
                    break;
                default:
                    if (thenRules.Count > 0 || elseRules.Count > 0)
                    {
                        rules.Add(new RuleSpec(RuleKind.When, test, Then: thenRules.ToEquatableArray(), Else: elseRules.ToEquatableArray()));
                    }

                    break;
            }

            return true;
        }

        /// <summary>What a schema asserts about the object, as rules with the JSON validator's errors.</summary>
        private bool AddAssertions(JsonNode schema, List<RuleSpec> rules)
        {
            if (schema is JsonBoolean boolean)
            {
                return boolean.Value; // false reports "false" at the object: left to the JSON form
            }

            if (schema is not JsonObject obj)
            {
                return false;
            }

            foreach (JsonProperty keyword in obj.Properties)
            {
                if (KeywordSupport.Annotations.Contains(keyword.Name) || keyword.Name is "then" or "else" || (keyword.Name == "type" && keyword.Value is JsonString { Value: "object" }))
                {
                    continue;
                }

                bool ok = keyword.Name switch
                {
                    "if" => AddIf(obj, keyword.Value, rules),
                    "allOf" => keyword.Value is JsonArray parts && Array.TrueForAll(parts.Items, part => AddAssertions(part, rules)),
                    _ => AddAssertion(keyword, rules),
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>required, dependentRequired, anyOf, oneOf and not, each reported under its own keyword.</summary>
        private bool AddAssertion(JsonProperty keyword, List<RuleSpec> rules)
        {
            switch (keyword.Name)
            {
                case "required" when Names(keyword.Value) is List<string> names && names.TrueForAll(Declared):
                    foreach (string name in names)
                    {
                        AddRequire(rules, Present(name), "required", ValidationMessages.Required(name));
                    }

                    return true;
                case "dependentRequired" when keyword.Value is JsonObject dependencies:
                    foreach (JsonProperty dependency in dependencies.Properties)
                    {
                        if (DependencyNames(dependency) is not List<string> names)
                        {
                            return false;
                        }

                        var then = new List<RuleSpec>();
                        foreach (string name in names)
                        {
                            AddRequire(then, Present(name), "dependentRequired", ValidationMessages.RequiredWhen(name, dependency.Name));
                        }

                        AddWhen(rules, Present(dependency.Name), then);
                    }

                    return true;
                case "anyOf" when Conditions(keyword.Value) is List<ConditionSpec> alternatives:
                    AddRequire(rules, Any(alternatives), "anyOf", ValidationMessages.AnyOf);
                    return true;
                case "oneOf" when Conditions(keyword.Value) is List<ConditionSpec> alternatives:
                    rules.Add(new RuleSpec(RuleKind.RequireOne, new ConditionSpec(ConditionKind.ExactlyOne, Parts: alternatives.ToEquatableArray()), "oneOf"));
                    return true;
                case "not" when Condition(keyword.Value) is ConditionSpec negated:
                    AddRequire(rules, Not(negated), "not", ValidationMessages.Not);
                    return true;
                default:
                    return false;
            }
        }

        private static void AddRequire(List<RuleSpec> rules, ConditionSpec condition, string keyword, string message)
        {
            if (condition.Kind != ConditionKind.Always)
            {
                rules.Add(new RuleSpec(RuleKind.Require, condition, keyword, message));
            }
        }

        private static void AddWhen(List<RuleSpec> rules, ConditionSpec condition, List<RuleSpec> then)
        {
            if (condition.Kind == ConditionKind.Always)
            {
                rules.AddRange(then);
            }
            else if (condition.Kind != ConditionKind.Never && then.Count > 0)
            {
                rules.Add(new RuleSpec(RuleKind.When, condition, Then: then.ToEquatableArray()));
            }
        }

        private List<ConditionSpec>? Conditions(JsonNode value)
        {
            if (value is not JsonArray items || items.Items.Length == 0)
            {
                return null;
            }

            var conditions = new List<ConditionSpec>();
            foreach (JsonNode item in items.Items)
            {
                if (Condition(item) is not ConditionSpec condition)
                {
                    return null;
                }

                conditions.Add(condition);
            }

            return conditions;
        }

        /// <summary>Whether the object is valid against a schema, decided from its members; null when that is beyond the subset.</summary>
        private ConditionSpec? Condition(JsonNode schema)
        {
            if (schema is JsonBoolean boolean)
            {
                return boolean.Value ? ConditionSpec.Always : ConditionSpec.Never;
            }

            if (schema is not JsonObject obj)
            {
                return null;
            }

            var all = new List<ConditionSpec>();
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (obj.Get("required") is JsonNode requiredValue)
            {
                if (Names(requiredValue) is not List<string> names || !names.TrueForAll(Declared))
                {
                    return null;
                }

                foreach (string name in names)
                {
                    required.Add(name);
                    all.Add(Present(name));
                }
            }

            foreach (JsonProperty keyword in obj.Properties)
            {
                ConditionSpec? part;
                switch (keyword.Name)
                {
                    case "required" or "then" or "else":
                        continue;
                    case "type" when keyword.Value is JsonString { Value: "object" }:
                        continue;
                    case "properties" when keyword.Value is JsonObject tests:
                        foreach (JsonProperty test in tests.Properties)
                        {
                            if (PropertyTest(test.Name, test.Value, required.Contains(test.Name)) is not ConditionSpec passes)
                            {
                                return null;
                            }

                            all.Add(passes);
                        }

                        continue;
                    case "dependentRequired" when keyword.Value is JsonObject dependencies:
                        foreach (JsonProperty dependency in dependencies.Properties)
                        {
                            if (DependencyNames(dependency) is not List<string> names)
                            {
                                return null;
                            }

                            var present = new List<ConditionSpec>();
                            names.ForEach(name => present.Add(Present(name)));
                            all.Add(Any(new List<ConditionSpec> { Absent(dependency.Name), All(present) }));
                        }

                        continue;
                    case "allOf":
                        part = Conditions(keyword.Value) is List<ConditionSpec> allOf ? All(allOf) : null;
                        break;
                    case "anyOf":
                        part = Conditions(keyword.Value) is List<ConditionSpec> anyOf ? Any(anyOf) : null;
                        break;
                    case "oneOf":
                        part = Conditions(keyword.Value) is List<ConditionSpec> oneOf ? new ConditionSpec(ConditionKind.ExactlyOne, Parts: oneOf.ToEquatableArray()) : null;
                        break;
                    case "not":
                        part = Condition(keyword.Value) is ConditionSpec negated ? Not(negated) : null;
                        break;
                    case "if":
                        part = IfCondition(obj, keyword.Value);
                        break;
                    default:
                        part = KeywordSupport.Annotations.Contains(keyword.Name) ? ConditionSpec.Always : null;
                        break;
                }

                if (part is null)
                {
                    return null;
                }

                all.Add(part);
            }

            return All(all);
        }

        /// <summary>if/then/else inside a condition: (if and then) or (not if and else).</summary>
        private ConditionSpec? IfCondition(JsonObject owner, JsonNode ifSchema)
        {
            if (owner.Get("then") is null && owner.Get("else") is null)
            {
                return ConditionSpec.Always;
            }

            if (Condition(ifSchema) is not ConditionSpec test)
            {
                return null;
            }

            ConditionSpec? then = owner.Get("then") is JsonNode thenSchema ? Condition(thenSchema) : ConditionSpec.Always;
            ConditionSpec? otherwise = owner.Get("else") is JsonNode elseSchema ? Condition(elseSchema) : ConditionSpec.Always;
            return then is null || otherwise is null
                ? null
                : Any(new List<ConditionSpec> { All(new List<ConditionSpec> { test, then }), All(new List<ConditionSpec> { Not(test), otherwise }) });
        }

        /// <summary>
        /// <c>properties: { name: schema }</c>: true when the member is absent or its value passes. With
        /// <paramref name="required"/>, presence is already tested just before, so the test stands alone.
        /// </summary>
        private ConditionSpec? PropertyTest(string name, JsonNode schema, bool required)
        {
            if (!_byJsonName.TryGetValue(name, out PropertySpec? property))
            {
                // Not a member: never in the JSON form, so the test passes (unless the object keeps extra members).
                return _hasAdditional ? null : ConditionSpec.Always;
            }

            ConditionSpec? passes;
            if (schema is JsonBoolean boolean)
            {
                passes = boolean.Value ? ConditionSpec.Always : ConditionSpec.Never;
            }
            else if (schema is JsonObject obj)
            {
                var all = new List<ConditionSpec>();
                foreach (JsonProperty keyword in obj.Properties)
                {
                    ConditionSpec? part = keyword.Name switch
                    {
                        "const" => EqualsTo(property, keyword.Value),
                        "enum" when keyword.Value is JsonArray values && values.Items.Length > 0 => AnyEquals(property, values),
                        "pattern" when keyword.Value is JsonString pattern && property.ConstValue is null && property.Value is { Kind: ValueKind.String, Nullable: false } => new ConditionSpec(ConditionKind.Matches, property.Name, pattern.Value),
                        _ => KeywordSupport.Annotations.Contains(keyword.Name) ? ConditionSpec.Always : null,
                    };
                    if (part is null)
                    {
                        return null;
                    }

                    all.Add(part);
                }

                passes = All(all);
            }
            else
            {
                return null;
            }

            if (passes.Kind == ConditionKind.Always)
            {
                return passes;
            }

            // Absent passes; with required (tested just before, in the same condition) the test stands alone.
            return required || Present(name).Kind == ConditionKind.Always ? passes : Any(new List<ConditionSpec> { Absent(name), passes });
        }

        private ConditionSpec? AnyEquals(PropertySpec property, JsonArray values)
        {
            var any = new List<ConditionSpec>();
            foreach (JsonNode value in values.Items)
            {
                if (EqualsTo(property, value) is not ConditionSpec equals)
                {
                    return null;
                }

                any.Add(equals);
            }

            return Any(any);
        }

        /// <summary>The member equals a JSON value, for members whose C# type compares with it exactly.</summary>
        private ConditionSpec? EqualsTo(PropertySpec property, JsonNode value)
        {
            if (property.ConstValue is not null)
            {
                return value is JsonString s ? (s.Value == property.ConstValue ? ConditionSpec.Always : ConditionSpec.Never) : null;
            }

            ValueSpec shape = property.Value;
            switch (shape.Kind)
            {
                case ValueKind.String when value is JsonString s:
                    return new ConditionSpec(ConditionKind.Equals, property.Name, s.Value, OperandKind: ValueKind.String);
                case ValueKind.Boolean when value is JsonBoolean b:
                    return new ConditionSpec(ConditionKind.Equals, property.Name, b.Value ? "true" : "false", OperandKind: ValueKind.Boolean);
                case ValueKind.Int32 or ValueKind.Int64 when value is JsonNumber n
                    && long.TryParse(n.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)
                    && (shape.Kind == ValueKind.Int64 || (integer >= int.MinValue && integer <= int.MaxValue)):
                    return new ConditionSpec(ConditionKind.Equals, property.Name, integer.ToString(CultureInfo.InvariantCulture), OperandKind: shape.Kind);
                case ValueKind.Enum when value is JsonString s
                    && shape.TypeName is string typeName
                    && _reader._enumsByName.TryGetValue(typeName, out EnumSpec? enumSpec)
                    && MemberOf(enumSpec, s.Value) is EnumMemberSpec member:
                    string qualified = "global::" + (_reader._namespace.Length > 0 ? _reader._namespace + "." : string.Empty) + typeName + "." + member.Name;
                    return new ConditionSpec(ConditionKind.Equals, property.Name, qualified, OperandKind: ValueKind.Enum);
                default:
                    return null; // another kind of value, or a value no member of the type holds: the JSON form decides
            }
        }

        private static EnumMemberSpec? MemberOf(EnumSpec enumSpec, string wireName)
        {
            foreach (EnumMemberSpec member in enumSpec.Members)
            {
                if (member.WireName == wireName)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>Whether the member is written to the JSON form.</summary>
        private ConditionSpec Present(string name)
        {
            PropertySpec property = _byJsonName[name];
            bool alwaysWritten = property.ConstValue is not null || (property.Required && (property.Value.Nullable || property.Value.IsValueType));
            return alwaysWritten ? ConditionSpec.Always : new ConditionSpec(ConditionKind.Present, property.Name);
        }

        private ConditionSpec Absent(string name) => Not(Present(name));

        private bool Declared(string name) => _byJsonName.ContainsKey(name);

        /// <summary>The names one dependentRequired entry requires, when it and they are all members; else null.</summary>
        private List<string>? DependencyNames(JsonProperty dependency) =>
            Names(dependency.Value) is List<string> names && Declared(dependency.Name) && names.TrueForAll(Declared) ? names : null;

        private static List<string>? Names(JsonNode value)
        {
            if (value is not JsonArray items)
            {
                return null;
            }

            var names = new List<string>();
            foreach (JsonNode item in items.Items)
            {
                if (item is not JsonString name)
                {
                    return null;
                }

                names.Add(name.Value);
            }

            return names;
        }

        private static ConditionSpec Not(ConditionSpec condition) => condition.Kind switch
        {
            ConditionKind.Always => ConditionSpec.Never,
            ConditionKind.Never => ConditionSpec.Always,
            ConditionKind.Present => new ConditionSpec(ConditionKind.Absent, condition.Member),
            ConditionKind.Absent => new ConditionSpec(ConditionKind.Present, condition.Member),
            ConditionKind.Not => condition.Parts[0],
            _ => new ConditionSpec(ConditionKind.Not, Parts: new[] { condition }.ToEquatableArray()),
        };

        /// <summary>
        /// Every part, flattened, without the ones that always hold; a presence test is dropped where an
        /// equality with a value of the same member follows (it implies the member is there).
        /// </summary>
        private static ConditionSpec All(List<ConditionSpec> parts)
        {
            var kept = new List<ConditionSpec>();
            foreach (ConditionSpec part in parts)
            {
                if (part.Kind == ConditionKind.Never)
                {
                    return ConditionSpec.Never;
                }

                if (part.Kind == ConditionKind.All)
                {
                    kept.AddRange(part.Parts);
                }
                else if (part.Kind != ConditionKind.Always && !kept.Contains(part))
                {
                    kept.Add(part);
                }
            }

            kept.RemoveAll(p => p.Kind == ConditionKind.Present && kept.Exists(q => ImpliesPresence(q, p.Member!)));
            return kept.Count switch
            {
                0 => ConditionSpec.Always,
                1 => kept[0],
                _ => new ConditionSpec(ConditionKind.All, Parts: kept.ToEquatableArray()),
            };
        }

        /// <summary>An equality with a value (or a choice of them) holds only when the member is there.</summary>
        private static bool ImpliesPresence(ConditionSpec condition, string member) => condition.Kind switch
        {
            ConditionKind.Equals => condition.Member == member,
            ConditionKind.Any => condition.Parts.All(part => ImpliesPresence(part, member)),
            _ => false,
        };

        private static ConditionSpec Any(List<ConditionSpec> parts)
        {
            var kept = new List<ConditionSpec>();
            foreach (ConditionSpec part in parts)
            {
                if (part.Kind == ConditionKind.Always)
                {
                    return ConditionSpec.Always;
                }

                if (part.Kind == ConditionKind.Any)
                {
                    kept.AddRange(part.Parts);
                }
                else if (part.Kind != ConditionKind.Never && !kept.Contains(part))
                {
                    kept.Add(part);
                }
            }

            return kept.Count switch
            {
                0 => ConditionSpec.Never,
                1 => kept[0],
                _ => new ConditionSpec(ConditionKind.Any, Parts: kept.ToEquatableArray()),
            };
        }
    }
}
