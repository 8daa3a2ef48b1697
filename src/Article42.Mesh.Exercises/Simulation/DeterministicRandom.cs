using System.Text;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Draws that depend only on the seed and what is drawn for (actor, message, purpose), never on the order of
/// drawing: adding a participant does not change anyone else's draws. FNV-1a over the key, finished with the
/// SplitMix64 mixer; written here because <see cref="Random"/>'s sequence is not promised across .NET versions.
/// </summary>
internal static class DeterministicRandom
{
    /// <summary>A number in [0, 1) for the seed and key.</summary>
    public static double Unit(int seed, params string[] key)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var part in key)
        {
            foreach (var b in Encoding.UTF8.GetBytes(part))
                hash = (hash ^ b) * 1099511628211UL;
            hash = (hash ^ 0x1F) * 1099511628211UL;
        }
        return (Mix(hash) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
