using System.Reflection;
using NetCt.Interop;

// Test-only reflection over NetCt.Interop's public constants; the test assembly is never trimmed.
#pragma warning disable IL2026, IL2075

namespace NetCt.Tests.Interop;

/// <summary>One C# mirror of a kernel constant: its C name, value, and the C# type's width.</summary>
internal readonly record struct UapiConstant(string Name, long Value, int Bits, bool Signed)
{
    /// <summary>Every enum member and integral const of NetCt.Interop; each name must be a C name.</summary>
    public static IReadOnlyList<UapiConstant> All { get; } = Collect();

    /// <summary>
    /// C prints the value of the C expression; an unsigned C# type truncates a negative C expression
    /// (NLA_TYPE_MASK is <c>~(…)</c>, an int), so compare in the C# type's width in that case only.
    /// </summary>
    public bool Matches(long cValue) =>
        cValue == Value || (!Signed && cValue < 0 && (cValue & ((1L << Bits) - 1)) == Value);

    private static List<UapiConstant> Collect()
    {
        var constants = new List<UapiConstant>();
        foreach (Type type in typeof(CtattrType).Assembly.GetExportedTypes())
        {
            if (type.IsEnum)
            {
                Type underlying = Enum.GetUnderlyingType(type);
                foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    constants.Add(Create(field.Name, field.GetRawConstantValue()!, underlying));
                }
            }
            else if (type.IsAbstract && type.IsSealed)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (field.IsLiteral && field.FieldType.IsPrimitive)
                    {
                        constants.Add(Create(field.Name, field.GetRawConstantValue()!, field.FieldType));
                    }
                }
            }
        }

        return constants;
    }

    private static UapiConstant Create(string name, object value, Type type)
    {
        bool signed = type == typeof(sbyte) || type == typeof(short) || type == typeof(int) || type == typeof(long);
        int bits = Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte => 8,
            TypeCode.UInt16 or TypeCode.Int16 => 16,
            TypeCode.UInt32 or TypeCode.Int32 => 32,
            _ => 64,
        };
        long number = signed ? Convert.ToInt64(value) : (long)Convert.ToUInt64(value);
        return new UapiConstant(name, number, bits, signed);
    }
}
