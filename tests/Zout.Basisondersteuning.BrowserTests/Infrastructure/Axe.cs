using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// axe-core, from the embedded axe.min.js of Deque.AxeCore.Commons, injected into the page and run with the
/// WCAG 2.0 and 2.1 A and AA rules. (Deque.AxeCore.Playwright's RunAxe costs about 2 s per page; this 0.25 s.)
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var assembly = typeof(Deque.AxeCore.Commons.AxeResult).Assembly;
        using var stream = assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe.min.js is not embedded in " + assembly.FullName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string Run = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ') + ' :: ' + n.html.slice(0, 200))
          }));
        }
        """;

    /// <summary>The violations on the current page, one readable line per element; empty when clean.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = Script.Value });
        }

        var violations = await page.EvaluateAsync<JsonElement>(Run);
        var lines = new List<string>();
        foreach (var v in violations.EnumerateArray())
        {
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                lines.Add($"{v.GetProperty("id").GetString()} ({v.GetProperty("impact")}): {v.GetProperty("help").GetString()} at {node.GetString()}");
            }
        }

        return lines;
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        if (violations.Count > 0)
        {
            var message = new StringBuilder($"{violations.Count} accessibility violation(s) on {page.Url}:");
            foreach (var line in violations) message.Append('\n').Append("- ").Append(line);
            Assert.Fail(message.ToString());
        }
    }
}
