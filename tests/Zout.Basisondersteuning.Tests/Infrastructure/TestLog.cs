using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using Xunit.Abstractions;

namespace Zout.Basisondersteuning.Tests.Infrastructure;

/// <summary>
/// A portal's log, kept off the console of the test run: every event goes to the output of the test that is
/// running on that portal (a portal's tests run one at a time). The test runner shows that output with a
/// failed test, and keeps it in the TRX file for every test. Events while no test runs (the start-up, the
/// seeding) are shown at the top of the next test's output.
/// </summary>
public sealed class TestLog : ILogEventSink
{
    private const int MaxWaiting = 500;
    private static readonly MessageTemplateTextFormatter Format =
        new("{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);

    private readonly Lock _lock = new();
    private readonly Queue<string> _waiting = new();
    private ITestOutputHelper? _output;

    private readonly Queue<string> _recent = new();

    /// <summary>Whether one of the last 2,000 events (start-up included) says <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (_lock) return _recent.Any(l => l.Contains(text, StringComparison.Ordinal));
    }

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Format.Format(logEvent, text);
        var line = "[portal] " + text.ToString().TrimEnd();
        lock (_lock)
        {
            if (_recent.Count == 2000) _recent.Dequeue();
            _recent.Enqueue(line);
            if (_output is not null && TryWrite(_output, line)) return;
            _output = null;
            if (_waiting.Count == MaxWaiting) _waiting.Dequeue();
            _waiting.Enqueue(line);
        }
    }

    /// <summary>From now on the log goes to this test's output, starting with what was logged before it.</summary>
    public void Attach(ITestOutputHelper output)
    {
        lock (_lock)
        {
            _output = output;
            if (_waiting.Count == 0) return;
            TryWrite(output, "[portal] (logged before this test started)");
            while (_waiting.TryDequeue(out var line)) TryWrite(output, line);
            TryWrite(output, "[portal] (this test)");
        }
    }

    public void Detach()
    {
        lock (_lock) _output = null;
    }

    private static bool TryWrite(ITestOutputHelper output, string line)
    {
        try
        {
            output.WriteLine(line);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The test has finished (xunit refuses output then).
            return false;
        }
    }
}
