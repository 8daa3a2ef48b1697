using System.Runtime.InteropServices;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Sets this process's file-creation mask for a scope and restores the previous one on disposal. A test of owner-only
/// file modes must create its files under a permissive mask: under the usual 022 or a hardened 077 the mask alone can
/// make a file 0600 and hide code that sets no mode at all. The mask is per process, so the scope is short and the
/// mask it sets (022, the ordinary default) leaves other tests' files no more open than on a stock machine.
/// </summary>
public sealed class ProcessUmask : IDisposable
{
    /// <summary>The ordinary default: group and others lose write, keep read. Without explicit modes a new file is 0644 and a new directory 0755.</summary>
    public const int Ordinary = 0b000_010_010; // 022

    private readonly int _previous;

    private ProcessUmask(int mask) => _previous = Umask(mask);

    /// <summary>Sets the mask to <paramref name="mask"/> until the returned scope is disposed.</summary>
    public static ProcessUmask Set(int mask = Ordinary)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("umask is a Unix call");
        return new ProcessUmask(mask);
    }

    public void Dispose() => Umask(_previous);

    [DllImport("libc", EntryPoint = "umask")]
    private static extern int Umask(int mask);
}
