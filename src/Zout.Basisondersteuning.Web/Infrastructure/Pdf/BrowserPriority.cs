using System.Globalization;
using System.Runtime.InteropServices;

namespace Zout.Basisondersteuning.Web.Infrastructure.Pdf;

/// <summary>
/// Lowers the processor priority of the processes this portal started (Playwright's driver and Chromium, with every
/// thread they have) on Linux, so pages and saves go first while PDFs render (ADR 068). Processes Chromium starts later
/// (a renderer per page) inherit the priority of the process that starts them. Lowering a priority needs no privileges.
/// </summary>
public static class BrowserPriority
{
    private const int PriorityProcess = 0;

    /// <summary>Sets every thread of every process descended from this one to <paramref name="niceness"/>; returns how many threads.</summary>
    public static int Lower(int niceness)
    {
        if (!OperatingSystem.IsLinux() || niceness <= 0) return 0;
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (ParentOf(pid) is not { } parent) continue;
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(pid);
        }

        var threads = 0;
        var pending = new Stack<int>(children.GetValueOrDefault(Environment.ProcessId) ?? []);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid) ?? []) pending.Push(child);
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid)
                        && SetPriority(PriorityProcess, tid, Math.Min(niceness, 19)) == 0) threads++;
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to change.
            }
        }

        return threads;
    }

    /// <summary>The parent of a process, from /proc/PID/stat ("pid (name) state ppid ..."; the name may hold spaces).</summary>
    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            var fields = stat[(end + 2)..].Split(' ');
            return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent) ? parent : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // DllImport, not LibraryImport: the signature is blittable, and LibraryImport would need unsafe code in the project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);
#pragma warning restore SYSLIB1054
}
