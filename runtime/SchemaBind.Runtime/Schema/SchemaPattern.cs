using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SchemaBind.Runtime.Internal;

/// <summary>
/// How a JSON Schema pattern (ECMA-262) becomes a .NET <see cref="Regex"/>: the translation, the choice of
/// options and what counts as valid. This one file is compiled into both the runtime and the generator
/// (netstandard2.0), so that generated validators, the JSON validator, the generator's checks and the
/// analyzers read a pattern the same way.
/// </summary>
/// <remarks>
/// .NET's ECMAScript mode matches ECMA-262 most closely (<c>\d</c>, <c>\w</c> and <c>\s</c> are ASCII, as in
/// JavaScript); a pattern that mode cannot read is run in .NET's default mode (culture-invariant), where
/// those classes also match other Unicode characters.
/// </remarks>
internal static class SchemaPattern
{
    /// <summary>Patterns remembered per process; past this many, the memory starts over.</summary>
    private const int MaxRemembered = 4096;

    // Whether a pattern compiles (in .NET's default and in ECMAScript mode): a pure function of the pattern,
    // asked by the generator for every occurrence of it, and building a Regex to know is costly. A large API
    // repeats its few patterns thousands of times.
    private static readonly ConcurrentDictionary<string, bool> s_valid = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> s_ecmaCompatible = new(StringComparer.Ordinal);

    /// <summary>
    /// Builds the regex for a pattern: ECMAScript mode when .NET can read the pattern so, else the default
    /// mode, culture-invariant. <paramref name="options"/> adds to either (the JSON validator adds
    /// <see cref="RegexOptions.Compiled"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression in either mode.</exception>
    public static Regex Create(string pattern, RegexOptions options = RegexOptions.None) => CreateCore(pattern, options, null);

    /// <summary>Builds the regex for a pattern, as <see cref="Create(string, RegexOptions)"/>, with a match timeout.</summary>
    public static Regex Create(string pattern, RegexOptions options, TimeSpan matchTimeout) => CreateCore(pattern, options, matchTimeout);

    // Without a timeout of its own, a Regex takes the process's default (REGEX_DEFAULT_MATCH_TIMEOUT), as before.
    private static Regex CreateCore(string pattern, RegexOptions options, TimeSpan? matchTimeout)
    {
        string translated = EcmaRegexTranslator.Translate(pattern);
        try
        {
            return New(translated, RegexOptions.ECMAScript | options, matchTimeout);
        }
        catch (ArgumentException)
        {
            return New(translated, RegexOptions.CultureInvariant | options, matchTimeout);
        }
    }

    private static Regex New(string pattern, RegexOptions options, TimeSpan? matchTimeout) =>
        matchTimeout is TimeSpan timeout ? new Regex(pattern, options, timeout) : new Regex(pattern, options);

    /// <summary>Whether the pattern compiles in .NET's default mode (remembered per process).</summary>
    public static bool IsValid(string pattern) => Remember(s_valid, pattern, RegexOptions.CultureInvariant);

    /// <summary>Whether .NET's ECMAScript mode can read the pattern (remembered per process).</summary>
    public static bool IsEcmaCompatible(string pattern) => Remember(s_ecmaCompatible, pattern, RegexOptions.ECMAScript);

    /// <summary>Why the pattern does not compile in .NET's default mode, or <see langword="null"/> when it does.</summary>
    public static string? Error(string pattern)
    {
        if (IsValid(pattern))
        {
            return null;
        }

        try
        {
            _ = new Regex(EcmaRegexTranslator.Translate(pattern), RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Whether a string is an ECMA-262 regular expression (the <c>regex</c> format): ECMA-262 has no <c>\a</c>
    /// escape, no inline options and no <c>(?#...)</c> comments, which .NET accepts, and the rest must read in
    /// ECMAScript mode.
    /// </summary>
    public static bool IsEcma262(string value)
    {
        for (int i = 0; i + 1 < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                if (value[i + 1] == 'a')
                {
                    return false;
                }

                i++;
            }
            else if (value[i] == '(' && value[i + 1] == '?' && i + 2 < value.Length && value[i + 2] is not ('=' or '!' or ':' or '<'))
            {
                return false;
            }
        }

        return Compiles(value, RegexOptions.ECMAScript);
    }

    /// <summary>
    /// Syntax .NET accepts even in ECMAScript mode but ECMA-262 does not have (or reads otherwise):
    /// inline options, atomic groups, \A \Z \z \G anchors.
    /// </summary>
    public static bool HasDotNetOnlySyntax(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                if (pattern[i + 1] is 'A' or 'Z' or 'z' or 'G')
                {
                    return true;
                }

                i++;
                continue;
            }

            if (pattern[i] == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?'
                && pattern[i + 2] is '>' or 'i' or 'm' or 'n' or 's' or 'x' or '-')
            {
                return true;
            }
        }

        return false;
    }

    private static bool Remember(ConcurrentDictionary<string, bool> known, string pattern, RegexOptions options)
    {
        if (known.TryGetValue(pattern, out bool compiles))
        {
            return compiles;
        }

        compiles = Compiles(pattern, options);
        if (known.Count >= MaxRemembered)
        {
            known.Clear();
        }

        known[pattern] = compiles;
        return compiles;
    }

    private static bool Compiles(string pattern, RegexOptions options)
    {
        try
        {
            _ = new Regex(EcmaRegexTranslator.Translate(pattern), options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
