namespace NetCt.Cli.Arguments;

/// <summary>conntrack 1.4.8's commands_v_options: which of its own options each command allows or needs.</summary>
internal static class ConntrackLegality
{
    private const uint OriginalPair = (uint)CommandOptions.Original;
    private const uint ReplyPair = (uint)CommandOptions.Reply;

    // Columns in CommandOptions bit order:
    //   s d r q p t u z e [ ] { } a m i f n g o c b j w l < > ( )
    public static LegalityTable Table { get; } = new(
        ["src", "dst", "reply-src", "reply-dst", "protonum", "timeout", "status", "zero", "event-mask",
         "tuple-src", "tuple-dst", "mask-src", "mask-dst", "nat-range", "mark", "id", "family", "src-nat",
         "dst-nat", "output", "secmark", "buffer-size", "any-nat", "zone", "label", "label-add", "label-del",
         "orig-zone", "reply-zone"],
        new Dictionary<CommandKind, string>
        {
            [CommandKind.List] = "22222022000220202222202220022",
            [CommandKind.Create] = "33331120000002200220000202022",
            // conntrack refuses -w with -U and so cannot update entries of a non-default zone;
            // netct allows it (the zone then selects the entries to update).
            [CommandKind.Update] = "22222220000220222222000222200",
            [CommandKind.Delete] = "22222220000220222222000220022",
            [CommandKind.Get] = "33331000000000020002000020000",
            [CommandKind.Flush] = "00000000000000002000000000000",
            [CommandKind.Event] = "22222000200220202222222220022",
            [CommandKind.Help] = "00002000000000000000000000000",
            [CommandKind.ExpectList] = "00000000000000002002000000000",
            [CommandKind.ExpectCreate] = "11221120011110000000000000000",
            [CommandKind.ExpectDelete] = "11221000000000000000000000000",
            [CommandKind.ExpectGet] = "11221000000000000000000000000",
            [CommandKind.ExpectEvent] = "00000000000000000002000000000",
            [CommandKind.Add] = "33331120000002200220000202022",
            // Without a command conntrack reads the row past its table; in 1.4.8 that memory
            // allows --reply-zone alone, and the usage is printed.
            [CommandKind.None] = "00000000000000000000000000002",
        },
        (OriginalPair, "you have to specify `--src' and `--dst'"),
        (ReplyPair, "you have to specify `--reply-src' and `--reply-dst'"));
}
