using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The string escaping of the 1.1.0 canonical form (schemas/canonical-json.md): only what JSON requires is escaped,
/// <c>"</c> as <c>\"</c>, <c>\</c> as <c>\\</c>, and U+0000-U+001F as <c>\b \t \n \f \r</c> or <c>\u00xx</c> in lower-case
/// hex (the spelling of RFC 8785 and ECMAScript's <c>JSON.stringify</c>); every other character is its own UTF-8 bytes.
/// A lone surrogate has no UTF-8 form: encoding reports invalid data, which the writer turns into an
/// <see cref="ArgumentException"/>, so ill-formed text is refused rather than silently replaced by U+FFFD.
/// </summary>
/// <remarks>
/// The framework's encoders cannot serve: even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> escapes every
/// character outside the Basic Multilingual Plane (an emoji takes 12 bytes), DEL, U+2028/U+2029, private-use and
/// format characters, and every code point unassigned in the runtime's Unicode version, so its bytes would change
/// with the runtime.
/// </remarks>
internal sealed class MinimalJsonEscaping : JavaScriptEncoder
{
    public static MinimalJsonEscaping Instance { get; } = new();

    private MinimalJsonEscaping()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => NeedsEscape(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        FirstToEscape(new ReadOnlySpan<char>(text, textLength));

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (var i = 0; i < utf8Text.Length;)
        {
            if (Rune.DecodeFromUtf8(utf8Text[i..], out var rune, out var consumed) != OperationStatus.Done || NeedsEscape(rune.Value))
                return i;
            i += consumed;
        }
        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten) =>
        TryEscape(unicodeScalar, new Span<char>(buffer, bufferLength), out numberOfCharactersWritten);

    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        charsConsumed = 0;
        charsWritten = 0;
        while (charsConsumed < source.Length)
        {
            var status = Rune.DecodeFromUtf16(source[charsConsumed..], out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData && !isFinalBlock)
                return status;
            if (status != OperationStatus.Done)
                return OperationStatus.InvalidData;
            if (!Write(rune, destination[charsWritten..], out var written))
                return OperationStatus.DestinationTooSmall;
            charsConsumed += consumed;
            charsWritten += written;
        }
        return OperationStatus.Done;
    }

    public override OperationStatus EncodeUtf8(ReadOnlySpan<byte> utf8Source, Span<byte> utf8Destination, out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true)
    {
        bytesConsumed = 0;
        bytesWritten = 0;
        Span<char> escape = stackalloc char[6];
        while (bytesConsumed < utf8Source.Length)
        {
            var status = Rune.DecodeFromUtf8(utf8Source[bytesConsumed..], out var rune, out var consumed);
            if (status == OperationStatus.NeedMoreData && !isFinalBlock)
                return status;
            if (status != OperationStatus.Done)
                return OperationStatus.InvalidData;
            var target = utf8Destination[bytesWritten..];
            int written;
            if (NeedsEscape(rune.Value))
            {
                TryEscape(rune.Value, escape, out var length);
                if (length > target.Length)
                    return OperationStatus.DestinationTooSmall;
                for (written = 0; written < length; written++)
                    target[written] = (byte)escape[written];
            }
            else if (!rune.TryEncodeToUtf8(target, out written))
            {
                return OperationStatus.DestinationTooSmall;
            }
            bytesConsumed += consumed;
            bytesWritten += written;
        }
        return OperationStatus.Done;
    }

    private static int FirstToEscape(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (NeedsEscape(c))
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return i;
        }
        return -1;
    }

    private static bool Write(Rune rune, Span<char> destination, out int written)
    {
        if (NeedsEscape(rune.Value))
            return TryEscape(rune.Value, destination, out written);
        return rune.TryEncodeToUtf16(destination, out written);
    }

    private static bool NeedsEscape(int scalar) => scalar is '"' or '\\' or < 0x20;

    private static bool TryEscape(int scalar, Span<char> destination, out int written)
    {
        var escape = scalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\t' => "\\t",
            '\n' => "\\n",
            '\f' => "\\f",
            '\r' => "\\r",
            < 0x20 => $"\\u00{scalar:x2}",
            _ => char.ConvertFromUtf32(scalar),
        };
        written = escape.Length <= destination.Length ? escape.Length : 0;
        return escape.AsSpan().TryCopyTo(destination);
    }
}
