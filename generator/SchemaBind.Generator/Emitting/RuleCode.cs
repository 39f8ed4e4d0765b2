using System.Text;
using SchemaBind.Runtime.Internal;

namespace SchemaBind.Generator.Emitting;

/// <summary>
/// The typed checks of an object's rules (<see cref="RuleSpec"/>): <c>if</c> statements over its members that
/// report with the JSON validator's keyword and message, at the object's location.
/// </summary>
internal static class RuleCode
{
    public static void Emit(SourceWriter w, EquatableArray<RuleSpec> rules, List<string> patterns)
    {
        int oneOfs = 0;
        Emit(w, rules, patterns, ref oneOfs);
    }

    private static void Emit(SourceWriter w, EquatableArray<RuleSpec> rules, List<string> patterns, ref int oneOfs)
    {
        foreach (RuleSpec rule in rules)
        {
            switch (rule.Kind)
            {
                case RuleKind.Require:
                    w.OpenBlock("if (" + Condition(rule.Condition, patterns, negate: true) + ")");
                    w.Line(AddError(rule.Keyword!, CSharp.String(rule.Message!)));
                    w.CloseBlock();
                    break;
                case RuleKind.RequireOne:
                    EmitRequireOne(w, rule, patterns, ++oneOfs);
                    break;
                case RuleKind.When when rule.Then.IsEmpty:
                    w.OpenBlock("if (" + Condition(rule.Condition, patterns, negate: true) + ")");
                    Emit(w, rule.Else, patterns, ref oneOfs);
                    w.CloseBlock();
                    break;
                case RuleKind.When:
                    w.OpenBlock("if (" + Condition(rule.Condition, patterns, negate: false) + ")");
                    Emit(w, rule.Then, patterns, ref oneOfs);
                    w.CloseBlock();
                    if (!rule.Else.IsEmpty)
                    {
                        w.OpenBlock("else");
                        Emit(w, rule.Else, patterns, ref oneOfs);
                        w.CloseBlock();
                    }

                    break;
            }
        }
    }

    /// <summary>oneOf: counts the alternatives that hold, and says how many when it is not one.</summary>
    private static void EmitRequireOne(SourceWriter w, RuleSpec rule, List<string> patterns, int number)
    {
        string matches = number == 1 ? "matches" : "matches" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        w.Line("int " + matches + " = " + Count(rule.Condition.Parts, patterns) + ";");
        w.OpenBlock("if (" + matches + " != 1)");
        w.Line(AddError(
            rule.Keyword!,
            matches + " == 0 ? " + CSharp.String(ValidationMessages.OneOfNone)
            + " : " + CSharp.String(ValidationMessages.OneOfMany)
            + " + " + matches + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " + CSharp.String(ValidationMessages.End)));
        w.CloseBlock();
    }

    private static string AddError(string keyword, string messageExpression) =>
        "context.AddError(" + CSharp.String(keyword) + ", " + messageExpression + ");";

    /// <summary>A C# boolean expression that is true when the condition holds (or, with <paramref name="negate"/>, when it does not).</summary>
    private static string Condition(ConditionSpec c, List<string> patterns, bool negate)
    {
        switch (c.Kind)
        {
            case ConditionKind.Always:
                return negate ? "false" : "true";
            case ConditionKind.Never:
                return negate ? "true" : "false";
            case ConditionKind.Present:
                return c.Member + (negate ? " is null" : " is not null");
            case ConditionKind.Absent:
                return c.Member + (negate ? " is not null" : " is null");
            case ConditionKind.Equals:
                return c.Member + (negate ? " is not " : " is ") + Literal(c);
            case ConditionKind.Matches:
                return (negate ? "!" : string.Empty) + ValueCode.PatternField(c.Operand!, patterns) + ".IsMatch(" + c.Member + ")";
            case ConditionKind.Not:
                return Condition(c.Parts[0], patterns, !negate);
            case ConditionKind.ExactlyOne:
                return "(" + Count(c.Parts, patterns) + (negate ? ") != 1" : ") == 1");
            case ConditionKind.Any when OnePattern(c) is string pattern:
                return c.Parts[0].Member + (negate ? " is not (" + pattern + ")" : " is " + pattern);
            default:
                // De Morgan keeps negations on the leaves: !(a && b) is written !a || !b.
                bool and = (c.Kind == ConditionKind.All) != negate;
                var text = new StringBuilder();
                foreach (ConditionSpec part in c.Parts)
                {
                    if (text.Length > 0)
                    {
                        text.Append(and ? " && " : " || ");
                    }

                    string operand = Condition(part, patterns, negate);
                    bool compound = part.Kind is ConditionKind.All or ConditionKind.Any;
                    text.Append(compound ? "(" + operand + ")" : operand);
                }

                return text.ToString();
        }
    }

    /// <summary>An Any of one member's values (and absence): one C# pattern, <c>null or 1 or 2</c>; else null.</summary>
    private static string? OnePattern(ConditionSpec any)
    {
        var text = new StringBuilder();
        foreach (ConditionSpec part in any.Parts)
        {
            if (part.Member != any.Parts[0].Member || part.Kind is not (ConditionKind.Equals or ConditionKind.Absent))
            {
                return null;
            }

            text.Append(text.Length > 0 ? " or " : string.Empty).Append(part.Kind == ConditionKind.Absent ? "null" : Literal(part));
        }

        return text.ToString();
    }

    private static string Count(EquatableArray<ConditionSpec> parts, List<string> patterns)
    {
        var text = new StringBuilder();
        foreach (ConditionSpec part in parts)
        {
            if (text.Length > 0)
            {
                text.Append(" + ");
            }

            text.Append('(').Append(Condition(part, patterns, negate: false)).Append(" ? 1 : 0)");
        }

        return text.ToString();
    }

    private static string Literal(ConditionSpec c) => c.OperandKind switch
    {
        ValueKind.String => CSharp.String(c.Operand!),
        _ => c.Operand!, // true/false, an integer, or an enum member's qualified name
    };
}
