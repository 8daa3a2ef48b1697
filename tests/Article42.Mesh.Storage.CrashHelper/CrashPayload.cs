using System.Text;

namespace Article42.Mesh.Storage.CrashHelper;

/// <summary>
/// The bytes the helper writes at (stream, version): derived from both and of varying length, so the test can
/// tell a torn or misplaced entry from a whole one without any other record.
/// </summary>
public static class CrashPayload
{
    public static byte[] For(string streamId, long version)
    {
        var head = Encoding.UTF8.GetBytes($"{streamId}@{version}|");
        var payload = new byte[head.Length + 64 + (int)(version * 37 % 400)];
        head.CopyTo(payload, 0);
        for (var i = head.Length; i < payload.Length; i++)
        {
            payload[i] = (byte)(i * 31 + version);
        }

        return payload;
    }
}
