using NetCt.Interop;
using NetCt.Netlink;

namespace NetCt.Conntrack;

/// <summary>
/// Turns a ctnetlink_exp message (a dump part, a GET reply or an event) into an
/// <see cref="Expectation"/>. Unknown attributes are skipped; absent ones leave their fields null; a
/// length that does not fit throws <see cref="NetlinkDecodeException"/> naming the attribute path.
/// </summary>
public static class ExpectationDecoder
{
    /// <summary>Decodes one IPCTNL_MSG_EXP_NEW or IPCTNL_MSG_EXP_DELETE message: nfgenmsg, then CTA_EXPECT_* attributes.</summary>
    /// <param name="message">The message; only read during the call.</param>
    /// <returns>A new expectation whose family comes from nfgenmsg.</returns>
    /// <exception cref="NetlinkDecodeException">The message is not a ctnetlink_exp message or an attribute is malformed.</exception>
    public static Expectation Decode(NetlinkMessage message)
    {
        if (NfnlMessageType.Subsystem(message.Type) != NfnetlinkSubsystems.NFNL_SUBSYS_CTNETLINK_EXP)
        {
            throw new NetlinkDecodeException($"expectation: message type 0x{message.Type:x4} is not a ctnetlink_exp message");
        }

        try
        {
            var expectation = new Expectation { Family = (IpFamily)message.ReadNfGenMessage().Family };
            DecodeAttributes(message.GetNfAttributes(), expectation);
            return expectation;
        }
        catch (NetlinkDecodeException e)
        {
            throw DecodeErrors.Within("expectation", e);
        }
    }

    /// <summary>Decodes one notification of the NFNLGRP_CONNTRACK_EXP_* groups: its type from the message type and flags, then the expectation.</summary>
    /// <param name="message">The notification; only read during the call.</param>
    /// <returns>The event.</returns>
    /// <exception cref="NetlinkDecodeException">The message is not an expectation notification or an attribute is malformed.</exception>
    public static ExpectationEvent DecodeEvent(NetlinkMessage message)
    {
        FlowEventType type = NfnlMessageType.Message(message.Type) switch
        {
            (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_NEW when (message.Flags & NetlinkMessageFlags.NLM_F_CREATE) != 0 => FlowEventType.New,
            (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_NEW => FlowEventType.Update,
            (byte)CtnlExpMsgTypes.IPCTNL_MSG_EXP_DELETE => FlowEventType.Destroy,
            _ => throw new NetlinkDecodeException($"expectation event: message type 0x{message.Type:x4} is not a new or delete notification"),
        };
        return new ExpectationEvent(type, Decode(message), message.SenderPortId);
    }

    private static void DecodeAttributes(AttributeReader reader, Expectation expectation)
    {
        try
        {
            while (reader.Next())
            {
                switch ((CtattrExpect)reader.Type)
                {
                    case CtattrExpect.CTA_EXPECT_MASTER:
                        expectation.Master = TupleDecoder.Decode(in reader);
                        break;
                    case CtattrExpect.CTA_EXPECT_TUPLE:
                        expectation.Tuple = TupleDecoder.Decode(in reader);
                        break;
                    case CtattrExpect.CTA_EXPECT_MASK:
                        expectation.Mask = TupleDecoder.Decode(in reader);
                        break;
                    case CtattrExpect.CTA_EXPECT_TIMEOUT:
                        expectation.Timeout = reader.GetUInt32BigEndian();
                        break;
                    case CtattrExpect.CTA_EXPECT_ID:
                        expectation.Id = reader.GetUInt32BigEndian();
                        break;
                    case CtattrExpect.CTA_EXPECT_HELP_NAME:
                        expectation.Helper = reader.GetString();
                        break;
                    case CtattrExpect.CTA_EXPECT_ZONE:
                        expectation.Zone = reader.GetUInt16BigEndian();
                        break;
                    case CtattrExpect.CTA_EXPECT_FLAGS:
                        expectation.Flags = (ExpectationFlags)reader.GetUInt32BigEndian();
                        break;
                    case CtattrExpect.CTA_EXPECT_CLASS:
                        expectation.Class = reader.GetUInt32BigEndian();
                        break;
                    case CtattrExpect.CTA_EXPECT_NAT:
                        expectation.Nat = DecodeNat(in reader);
                        break;
                    case CtattrExpect.CTA_EXPECT_FN:
                        expectation.Function = reader.GetString();
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrExpect>(reader.Type, e);
        }
    }

    private static ExpectationNat DecodeNat(in AttributeReader nest)
    {
        AttributeReader reader = nest.GetNested();
        uint? direction = null;
        FlowTuple? tuple = null;
        try
        {
            while (reader.Next())
            {
                switch ((CtattrExpectNat)reader.Type)
                {
                    case CtattrExpectNat.CTA_EXPECT_NAT_DIR:
                        direction = reader.GetUInt32BigEndian();
                        break;
                    case CtattrExpectNat.CTA_EXPECT_NAT_TUPLE:
                        tuple = TupleDecoder.Decode(in reader);
                        break;
                }
            }
        }
        catch (NetlinkDecodeException e) when (reader.HasCurrent)
        {
            throw DecodeErrors.Within<CtattrExpectNat>(reader.Type, e);
        }

        return new ExpectationNat(direction, tuple);
    }
}
