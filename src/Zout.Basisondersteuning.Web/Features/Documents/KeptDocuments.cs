using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// A school's documents (and a board's comparison and the dashboards' hand-outs) as PDF by the versions of everything
/// they are made of (ADR 074), so a document whose data did not change is served without loading its data or rendering
/// its HTML. The version is the counters of what
/// <see cref="DocumentDataLoader"/> reads: the structure (school, board, partnership, names of people), the frameworks
/// and years, the partnership's support content, and the school's own content (scans, answers, development points).
/// It is read <em>before</em> the data, and every counter is raised no earlier than its data commits: a document is
/// never kept under a version newer than its data. Any other instance raises the same counters in the database.
/// What is kept is the key of the PDF in <see cref="CachingPdfRenderer"/> (one copy of the bytes) and the file name.
/// Who may ask for a school's documents is decided before (the access filter); the school is part of the version.
/// </summary>
public sealed class KeptDocuments(AppDbContext db, ChangeStamps stamps, IPdfRenderer printer, CachingPdfRenderer pdfs, IMemoryCache memory, IOptions<PdfOptions> options, TimeProvider time)
{
    private sealed record Kept(string PdfKey, string FileName);

    /// <summary>The tables that both the school documents and the hand-outs read, with the counter that follows each.</summary>
    private static readonly (string Table, string Counter)[] Shared =
    [
        ("Schools", ChangeCounter.Structure),
        ("Boards", ChangeCounter.Structure),
        ("Regions", ChangeCounter.Structure),
        ("Partnerships", ChangeCounter.Structure),
        // Names and addresses only (of the contact person and of who adopted the scan): those raise the structure counter.
        ("AspNetUsers", ChangeCounter.Structure),
        ("SchoolYears", ChangeCounter.Frameworks),
        ("ScanFrameworks", ChangeCounter.Frameworks),
        ("SupportOfferings", ChangeCounter.Support),
        ("SupportArrangements", ChangeCounter.Support),
        (Data.Configurations.SupportArrangementConfiguration.RegionsTable, ChangeCounter.Support),
    ];

    /// <summary>
    /// Every table <see cref="DocumentDataLoader"/> may read, with the counter of the version that follows its changes
    /// (<see cref="Data.Interceptors.CacheCounterInterceptor"/>). A test holds the loader to this list: a document that
    /// starts to read another table fails it until that table's changes raise a counter of the version.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Tables = With(
        ("Scans", ChangeCounter.SchoolContentPrefix),
        ("ScanSections", ChangeCounter.SchoolContentPrefix),
        ("ScanAnswers", ChangeCounter.SchoolContentPrefix),
        ("DevelopmentPoints", ChangeCounter.SchoolContentPrefix));

    /// <summary>
    /// Every table a dashboard's hand-out may read, with the counter that follows its changes. A test holds the
    /// hand-outs to this list, as <see cref="Tables"/> does for the school documents.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HandoutTables = With(
        (Data.Configurations.AppUserConfiguration.UserRegionsTable, ChangeCounter.Accounts),
        ("ScanSummaries", ChangeCounter.ScanSummaries),
        // Only to build the summaries that are missing (ScanSummaryCache): every save of a scan writes its summary and
        // raises the summaries counter in the same save (ScanSummaryInterceptor).
        ("Scans", ChangeCounter.ScanSummaries),
        ("DevelopmentPoints", ChangeCounter.Activity),
        ("SupportRequests", ChangeCounter.Activity),
        ("NeedSignals", ChangeCounter.Activity),
        (Data.Configurations.NeedSignalConfiguration.SchoolsTable, ChangeCounter.Activity),
        ("Conversations", ChangeCounter.Activity),
        ("ImplementationPhaseSteps", ChangeCounter.Activity),
        ("SchoolConnections", ChangeCounter.Activity),
        ("BoardMeetings", ChangeCounter.Activity),
        ("PublishedDocuments", ChangeCounter.Published));

    private static Dictionary<string, string> With(params (string Table, string Counter)[] own) =>
        Shared.Concat(own).ToDictionary(t => t.Table, t => t.Counter, StringComparer.Ordinal);

    /// <summary>The school's own counter (0 before its first change), compiled once.</summary>
    private static readonly Func<AppDbContext, string, CancellationToken, Task<long>> SchoolContentQuery =
        EF.CompileAsyncQuery((AppDbContext db, string name, CancellationToken _) =>
            db.ChangeCounters.Where(c => c.Name == name).Select(c => c.Value).FirstOrDefault());

    /// <summary>
    /// The sum of the counters of every school of a board (0 for a school before its first change), compiled once.
    /// Counters only rise, so any change of any of the schools raises the sum; a school that joins or leaves the board
    /// raises the structure counter.
    /// </summary>
    private static readonly Func<AppDbContext, int, CancellationToken, Task<long>> BoardContentQuery =
        EF.CompileAsyncQuery((AppDbContext db, int boardId, CancellationToken _) =>
            db.ChangeCounters
                .Where(c => db.Schools.Where(s => s.BoardId == boardId).Select(s => ChangeCounter.SchoolContentPrefix + s.Id).Contains(c.Name))
                .Sum(c => c.Value));

    /// <summary>The version of one document of a school and year: to be read before its data.</summary>
    public async Task<string> VersionAsync(DocumentDefinition definition, int schoolId, string year, CancellationToken cancellationToken)
    {
        var shared = await stamps.GetAsync(cancellationToken);
        var own = await SchoolContentQuery(db, ChangeCounter.SchoolContent(schoolId), cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"document:{definition.Slug}:{schoolId}:{year}:{shared.Structure}:{shared.Frameworks}:{shared.Support}:{own}");
    }

    /// <summary>
    /// The version of a board's document of a year (the Vergelijkingsrapport: the school documents' data of each of its
    /// schools, <see cref="BoardComparison"/>): to be read before its data.
    /// </summary>
    public async Task<string> BoardVersionAsync(DocumentDefinition definition, int boardId, string year, CancellationToken cancellationToken)
    {
        var shared = await stamps.GetAsync(cancellationToken);
        var schools = await BoardContentQuery(db, boardId, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"document:{definition.Slug}:board-{boardId}:{year}:{shared.Structure}:{shared.Frameworks}:{shared.Support}:{schools}");
    }

    /// <summary>
    /// The version of a dashboard's hand-out: the page with its filters, the user (whose role and regions decide the
    /// scope), the day it is made on (printed in it) and every counter of the request's stamps. To be read before the
    /// dashboard's data: the dashboards read their data through caches of the same stamps, after them.
    /// </summary>
    public async Task<string> HandoutVersionAsync(string pageWithQuery, string userId, CancellationToken cancellationToken)
    {
        var s = await stamps.GetAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"handout:{pageWithQuery}:{userId}:{time.Today():yyyy-MM-dd}:{s.Structure}:{s.Accounts}:{s.Frameworks}:{s.Activity}:{s.Published}:{s.Summaries}:{s.Support}");
    }

    /// <summary>The PDF and file name kept for a version, while the PDF is still in the cache.</summary>
    public (byte[] Pdf, string FileName)? Get(string version) =>
        memory.TryGetValue(version, out Kept? kept) && kept is not null && pdfs.Kept(kept.PdfKey) is { } pdf ? (pdf, kept.FileName) : null;

    /// <summary>Prints <paramref name="request"/> (or finds it by its HTML, ADR 061) and keeps it under the version read before its data.</summary>
    public async Task<byte[]> PrintAsync(PdfRequest request, string version, string fileName, CancellationToken cancellationToken)
    {
        var pdf = await printer.RenderAsync(request, cancellationToken);
        Keep(version, request, fileName);
        return pdf;
    }

    /// <summary>Keeps the PDF just rendered for <paramref name="request"/> under the version read before its data.</summary>
    private void Keep(string version, PdfRequest request, string fileName)
    {
        var hours = Math.Max(0, options.Value.CacheHours);
        if (hours == 0) return;
        memory.Set(version, new Kept(CachingPdfRenderer.Key(request), fileName), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(hours) });
    }
}
