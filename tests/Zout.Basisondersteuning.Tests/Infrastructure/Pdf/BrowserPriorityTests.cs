using System.Diagnostics;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Tests.Infrastructure.Pdf;

/// <summary>The processes the portal started (Chromium's, in production) run at a lower priority, every thread and every child (ADR 068).</summary>
public sealed class BrowserPriorityTests
{
    [Fact]
    public void Lower_SetsEveryThreadOfEveryDescendant()
    {
        if (!OperatingSystem.IsLinux()) return;
        // A child that has a child of its own, as Chromium's browser process has its zygote and renderers.
        using var child = Process.Start(new ProcessStartInfo("sh", ["-c", "sleep 60 & sleep 60; wait"]) { UseShellExecute = false })!;
        try
        {
            var grandchild = WaitForChildOf(child.Id);
            Assert.Equal(0, NiceOf(child.Id));

            Assert.True(BrowserPriority.Lower(7) >= 2);

            Assert.Equal(7, NiceOf(child.Id));
            Assert.Equal(7, NiceOf(grandchild));
            Assert.Equal(0, NiceOf(Environment.ProcessId));
        }
        finally
        {
            child.Kill(entireProcessTree: true);
        }
    }

    private static int WaitForChildOf(int parent)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid)) continue;
                try
                {
                    if (Field(pid, 1) == parent) return pid;
                }
                catch (IOException)
                {
                    // Gone meanwhile.
                }
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException("The child process started no child.");
    }

    private static int NiceOf(int pid) => Field(pid, 16);

    /// <summary>A numeric field of /proc/PID/stat after the process name: 1 is the parent, 16 the nice value.</summary>
    private static int Field(int pid, int index)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index], System.Globalization.CultureInfo.InvariantCulture);
    }
}
