using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace NetCt.Cli.Tree;

/// <summary>
/// Numeric options of the tree's commands read their word themselves: System.CommandLine would
/// refuse a word that is not a number with a message naming a .NET type ("as expected type
/// 'System.Int32'"), and a validator that asks for the value of such a word throws instead.
/// </summary>
internal static class NumberOptions
{
    /// <summary>
    /// Reads the option's word as a number (invariant culture, exponent allowed; a fraction only
    /// where <typeparamref name="T"/> holds one). A word that is not one, or one that
    /// <paramref name="allowed"/> rejects, is refused with <paramref name="refusal"/>, by default
    /// "--name: `word' is not a number" ("not a whole number" for an integer type).
    /// </summary>
    public static Option<T> ReadAsNumber<T>(this Option<T> option, Func<T, bool>? allowed = null, string? refusal = null)
        where T : INumber<T>
    {
        option.CustomParser = result =>
        {
            string word = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (T.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out T? value) && (allowed is null || allowed(value)))
                return value;
            result.AddError(refusal ?? $"{option.Name}: `{word}' is not a {(HoldsOnlyWholeNumbers<T>() ? "whole " : "")}number");
            return T.Zero;
        };
        return option;
    }

    // A half is 0 only in an integer type.
    private static bool HoldsOnlyWholeNumbers<T>()
        where T : INumber<T> => T.One / (T.One + T.One) == T.Zero;
}
