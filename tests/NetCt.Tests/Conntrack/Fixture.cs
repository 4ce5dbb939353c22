using System.Text;

namespace NetCt.Tests.Conntrack;

/// <summary>Reads annotated hex: on each line, the hex digits before <c>//</c>, whitespace ignored.</summary>
internal static class Fixture
{
    public static byte[] Parse(string annotatedHex)
    {
        var hex = new StringBuilder();
        foreach (string line in annotatedHex.Split('\n'))
        {
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            foreach (char c in comment < 0 ? line : line[..comment])
            {
                if (!char.IsWhiteSpace(c))
                {
                    hex.Append(c);
                }
            }
        }

        return Convert.FromHexString(hex.ToString());
    }
}
