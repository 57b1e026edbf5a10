using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Zout.Basisondersteuning.Tests.Infrastructure;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Features.Documents;

namespace Zout.Basisondersteuning.Tests.Features.Documents;

/// <summary>Bulk downloads are background jobs: one running job per user, a job and its ZIP only for its owner.</summary>
[Collection(Portals.Documents)]
public sealed class BulkJobTests(ScanPortal portal, ITestOutputHelper output) : PortalTest<ScanPortal>(portal, output)
{
    [Fact]
    public async Task AUser_HasOneRunningJob_AtATime()
    {
        var user = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var client = await Factory.LoggedInClientAsync(user);
        // A job of this user that is still being made (on this or another instance).
        var running = await Factory.WithDbAsync(async db =>
        {
            var job = new BulkJob
            {
                UserId = user.Id,
                ActiveUserId = user.Id,
                Status = BulkJobStatus.Running,
                Document = BulkDownload.PublishedSop,
                Year = "2026-2027",
                SchoolIds = World.SchoolA1.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Total = 1,
                CreatedAt = Factory.Time.GetUtcNow(),
                HeartbeatAt = Factory.Time.GetUtcNow(),
            };
            db.BulkJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        var refused = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Contains(BulkDownload.OneJobMessage, page.QuerySelector("[data-testid='error-summary']")?.TextContent);
        Assert.Contains("bezig, 0 van 1 klaar", page.QuerySelector("[data-testid='bulk-jobs']")?.TextContent);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.BulkJobs.CountAsync(j => j.UserId == user.Id)));

        // Once it is finished, the next one may start.
        await Factory.WithDbAsync(db => db.BulkJobs.Where(j => j.Id == running)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.Status, BulkJobStatus.Failed).SetProperty(x => x.ActiveUserId, (string?)null)));
        var started = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var id = int.Parse(started.Location()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await Factory.Services.GetRequiredService<BulkJobRunner>().FinishedAsync(id);
        var done = await client.GetHtmlAsync($"/documenten/bulk/{id}");
        Assert.Equal("Done", done.QuerySelector("[data-testid='bulk-job']")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task AJobAndItsZip_AreOnlyForTheUserWhoAskedForIt()
    {
        var owner = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var colleague = await Data.CreateUserAsync(u => u.BoardUser(World.BoardA));
        var client = await Factory.LoggedInClientAsync(owner);
        var started = await PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var job = started.Location()!;
        await Factory.Services.GetRequiredService<BulkJobRunner>().FinishedAsync(int.Parse(job.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(job + "/zip")).StatusCode);

        var other = await Factory.LoggedInClientAsync(colleague);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(job + "/zip")).StatusCode);
        Assert.Empty((await other.GetHtmlAsync("/documenten/bulk")).TestIds("bulk-job-link", "href"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.LoggedInClientAsync(World.SchoolA1User)).GetAsync(job)).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        var token = await client.AntiforgeryTokenAsync("/documenten/bulk");
        return await client.PostAsync("/documenten/bulk", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Jaar", "2026-2027"), new("Input.Document", BulkDownload.PublishedSop),
            new("Input.Scholen", World.SchoolA1Code),
        ]));
    }
}
