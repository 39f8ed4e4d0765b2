// One test builds a contract that breaks its pattern on purpose; SB1001 would flag the constant.
#pragma warning disable SB1001

using System.Text.Json;
using EndToEnd.Rules;
using SchemaBind.Runtime;

namespace SchemaBind.EndToEnd.Tests;

/// <summary>
/// Permit's rules (dependentRequired, anyOf/oneOf/not of required and const/enum/pattern tests, if/then/else)
/// are checked by typed code only. Its typed Validate() must give exactly the errors of the JSON validator on
/// the value's JSON form: every combination of present and absent members and a few values of each is tried.
/// </summary>
public sealed class PermitRuleTests
{
    private static (string Pointer, string Keyword, string Message)[] Sorted(IEnumerable<ValidationError> errors) =>
        errors.Select(static e => (e.InstanceLocation, e.Keyword, e.Message)).Order().ToArray();

    private static (string Pointer, string Keyword, string Message)[] TypedErrors(Permit permit) => Sorted(permit.Validate());

    private static (string Pointer, string Keyword, string Message)[] JsonErrors(Permit permit)
    {
        using JsonDocument document = JsonDocument.Parse(permit.ToJson());
        return Sorted(Permit.ValidateJson(document.RootElement));
    }

    /// <summary>3 kinds × 2 × 2 × 2 × 4 contracts × 2 × 2 × 4 levels × 3 × 2 = 9,216 permits.</summary>
    private static IEnumerable<Permit> EveryCombination()
    {
        string?[] presentOrNot = [null, "x"];
        foreach (PermitKind kind in new[] { PermitKind.Visitor, PermitKind.Contractor, PermitKind.Staff })
        foreach (string? badge in presentOrNot)
        foreach (string? escort in presentOrNot)
        foreach (string? company in presentOrNot)
        foreach (string? contract in new[] { null, "C-1", "C-9", "X-9" })
        foreach (string? email in presentOrNot)
        foreach (string? phone in presentOrNot)
        foreach (int? level in new int?[] { null, 1, 3, 5 })
        foreach (bool? remote in new bool?[] { null, true, false })
        foreach (string? note in presentOrNot)
        {
            yield return new Permit
            {
                Kind = kind,
                Badge = badge,
                Escort = escort,
                Company = company,
                Contract = contract,
                Email = email,
                Phone = phone,
                Level = level,
                Remote = remote,
                Note = note,
            };
        }
    }

    [Fact]
    public void Typed_rules_give_exactly_the_json_validators_errors_for_every_combination()
    {
        int valid = 0, invalid = 0;
        foreach (Permit permit in EveryCombination())
        {
            var typed = TypedErrors(permit);
            Assert.True(JsonErrors(permit).SequenceEqual(typed), permit.ToJson() + ": typed " + string.Join("; ", typed));
            if (typed.Length == 0)
            {
                valid++;
            }
            else
            {
                invalid++;
            }
        }

        // Both verdicts occur often enough for the comparison to mean something.
        Assert.True(valid > 100, valid + " valid");
        Assert.True(invalid > 1000, invalid + " invalid");
    }

    [Fact]
    public void Each_rule_reports_under_its_own_keyword_at_the_object()
    {
        // A visitor without escort (if/else), with a company but no contract or email (dependentRequired),
        // with no way to be reached (anyOf), and remote with an escort... is checked rule by rule below.
        var visitor = new Permit { Kind = PermitKind.Visitor, Company = "Acme", Phone = "1" };
        Assert.Equal(
            [
                ("", "dependentRequired", "The property 'contract' is required when 'company' is present."),
                ("", "dependentRequired", "The property 'email' is required when 'company' is present."),
                ("", "required", "The property 'escort' is required."),
            ],
            TypedErrors(visitor));

        var unreachable = new Permit { Kind = PermitKind.Contractor, Badge = "b" };
        Assert.Equal([("", "anyOf", "must match at least one of the anyOf schemas.")], TypedErrors(unreachable));

        var remoteWithEscort = new Permit { Kind = PermitKind.Visitor, Escort = "e", Badge = "b", Remote = true, Phone = "1" };
        Assert.Equal([("", "not", "must not match the 'not' schema.")], TypedErrors(remoteWithEscort));
    }

    [Fact]
    public void OneOf_says_how_many_alternatives_matched()
    {
        var staff = new Permit { Kind = PermitKind.Staff, Badge = "b", Contract = "C-9" };
        Assert.Equal([("", "oneOf", "must match exactly one of the oneOf schemas, but matches none.")], TypedErrors(staff));

        var both = staff with { Level = 1, Remote = false };
        Assert.Equal([("", "oneOf", "must match exactly one of the oneOf schemas, but matches 2.")], TypedErrors(both));

        Assert.Empty(TypedErrors(staff with { Level = 5 }));
    }

    [Fact]
    public void A_contract_that_breaks_its_pattern_is_not_also_tested_by_the_rules_pattern()
    {
        // "X-9" fails the property's own pattern; the if's pattern (^C-9) does not hold, so no oneOf is asked.
        var permit = new Permit { Kind = PermitKind.Staff, Badge = "b", Contract = "X-9" };
        Assert.Equal([("/contract", "pattern", "must match the pattern ^C-[0-9]+$.")], TypedErrors(permit));
    }
}
