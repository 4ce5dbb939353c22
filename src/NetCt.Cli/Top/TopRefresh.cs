using System.Globalization;

namespace NetCt.Cli.Top;

/// <summary>The refresh interval: seconds, fractions allowed, from 0.1 to 3600.</summary>
internal static class TopRefresh
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(1);

    public static bool TryParse(string text, out TimeSpan refresh)
    {
        refresh = default;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double seconds) || seconds < 0.1 || seconds > 3600)
            return false;
        refresh = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
