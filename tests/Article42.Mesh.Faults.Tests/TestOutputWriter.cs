using System.Text;

namespace Article42.Mesh.Faults.Tests;

/// <summary>Lines written here go to the test's output (shown with a failure) and to standard output (the CI log).</summary>
public sealed class TestOutputWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(value ?? "");
        Console.WriteLine(value);
    }

    public override void Write(char value) => throw new NotSupportedException("write whole lines");
}
