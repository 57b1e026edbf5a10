using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Features.Scans;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>
/// The portal's renderer (cache and Chromium, as in production) behind a gate that holds every background render
/// (a bulk job's document) until the test opens it, so bulk jobs stay "running" for as long as the test needs.
/// </summary>
public sealed class HeldBulkRenderer(CachingPdfRenderer inner) : IPdfRenderer
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _twoHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public bool IsAvailable => inner.IsAvailable;

    public string? UnavailableReason => inner.UnavailableReason;

    /// <summary>Completes when two background renders wait at the gate (one per running bulk job).</summary>
    public Task TwoHeld => _twoHeld.Task;

    public void Open() => _open.TrySetResult();

    public async Task<byte[]> RenderAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Background && !_open.Task.IsCompleted)
        {
            if (Interlocked.Increment(ref _held) >= 2) _twoHeld.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }

        return await inner.RenderAsync(request, cancellationToken);
    }
}

public sealed class HeldBulkPortal : ScanPortal
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<HeldBulkRenderer>();
            services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<HeldBulkRenderer>());
        });
    }

    public HeldBulkRenderer Gate => Services.GetRequiredService<HeldBulkRenderer>();
}

/// <summary>
/// Issue 14, point 6: one user cannot use up the PDF capacity. While two users' bulk jobs are running, another user's
/// single document is made and answered at once, over HTTP with real Chromium; then both jobs finish whole. (That bulk
/// renders never take every Chromium slot is proven on the renderer itself:
/// <c>ChromiumPdfRendererTests.BackgroundWork_LeavesASlot_ForSingleDocuments</c>.)
/// </summary>
public sealed class BulkJobCapacityTests(HeldBulkPortal portal, ITestOutputHelper output)
    : PortalTest<HeldBulkPortal>(portal, output), IClassFixture<HeldBulkPortal>
{
    [Fact]
    public async Task WhileTwoBulkJobsRun_ASingleDocumentOfAnotherUser_IsAnsweredAtOnce()
    {
        var first = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var second = await ScanForms.CompleteSchoolAsync(Factory, World.BoardA);
        var boardUser = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var jobs = new List<(HttpClient Client, string Page)>();
        foreach (var user in new[] { World.Admin, boardUser.Email })
        {
            var client = await Factory.LoggedInClientAsync(user);
            var token = await client.AntiforgeryTokenAsync("/documenten/bulk");
            jobs.Add((client, await client.StartBulkAsync(
            [
                new("__RequestVerificationToken", token), new("Input.Jaar", "2026-2027"), new("Input.Document", "scanrapport"),
                new("Input.Scholen", first.Code), new("Input.Scholen", second.Code),
            ])));
        }

        // Both jobs are making their first document (held at the renderer: the jobs' renders are background work).
        await Factory.Gate.TwoHeld.WaitAsync(TimeSpan.FromMinutes(2));
        var ids = jobs.Select(j => BulkDownloads.BulkJobId(j.Page)).ToList();
        Assert.Equal(2, await Factory.WithDbAsync(db => db.BulkJobs.CountAsync(j => ids.Contains(j.Id) && j.Status == BulkJobStatus.Running)));

        // A school user downloads its concept SOP: rendered by Chromium and answered while both jobs still run.
        var school = await Factory.LoggedInClientAsync(first.Ib);
        var single = await school.GetAsync($"/school/{first.Code}/documenten/2026-2027/sop.pdf");
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.Equal("application/pdf", single.Content.Headers.ContentType?.MediaType);
        Assert.Contains(first.Name, Pdfs.Read(await single.Content.ReadAsByteArrayAsync()).Text);
        // The jobs' progress pages answer too, and say they are still busy.
        foreach (var (client, page) in jobs)
        {
            var progress = await client.GetHtmlAsync(page);
            Assert.Equal("Running", progress.QuerySelector("[data-testid='bulk-job']")?.GetAttribute("data-status"));
        }

        Assert.Equal(2, await Factory.WithDbAsync(db => db.BulkJobs.CountAsync(j => ids.Contains(j.Id) && j.Status == BulkJobStatus.Running)));

        // Once the renders go on, both jobs finish whole: a ZIP with a report per school for each user.
        Factory.Gate.Open();
        foreach (var (client, page) in jobs)
        {
            using var archive = await Factory.FetchBulkZipAsync(client, page, TimeSpan.FromMinutes(3));
            Assert.Equal(2, archive.Entries.Count(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal)));
        }
    }
}
