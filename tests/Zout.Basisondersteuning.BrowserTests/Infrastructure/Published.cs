using System.Diagnostics;
using Microsoft.Playwright;

namespace Zout.Basisondersteuning.BrowserTests.Infrastructure;

/// <summary>
/// The demo publishes the SOPs of the adopted scans in the background after the portal starts (some 30 s on a
/// quiet machine, longer under load). Public pages (/sop/…) answer 404 until then: wait for them with a deadline.
/// </summary>
public static class Published
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    /// <summary>Opens <paramref name="path"/> once it answers 200; fails after <see cref="Deadline"/>.</summary>
    public static async Task<IResponse> GotoWhenPublishedAsync(IPage page, string path)
    {
        var watch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            // A light request first: the page itself is only loaded (and rendered) once it is there.
            var probe = await page.Context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            var status = probe.Status;
            await probe.DisposeAsync();
            if (status == 200)
            {
                var response = await page.GotoAsync(path);
                Assert.NotNull(response);
                Assert.Equal(200, response.Status);
                return response;
            }

            if (status != 404) Assert.Fail($"{path} answered {status} while waiting for the demo's publishing.");
            if (watch.Elapsed > Deadline) Assert.Fail($"{path} was not published within {Deadline.TotalSeconds} s of waiting.");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }
}
