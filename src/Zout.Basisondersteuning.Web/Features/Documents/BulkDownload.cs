using System.Globalization;
using System.IO.Compression;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// Board users and partnership staff download a ZIP with the published SOPs (or one chosen report) of a
/// selection of the schools they may see, one PDF per school. The ZIP is made in the background
/// (<see cref="BulkJobRunner"/>): the page shows its progress and offers it for a day; one running job per user.
/// </summary>
public static class BulkDownload
{
    public const string PublishedSop = "sop";

    /// <summary>Every gespreksverslag of Team Basisondersteuning in the year, one PDF per conversation (issue 11).</summary>
    public const string ConversationReports = "gespreksverslagen";
    public const int MaxSchools = 200;

    public sealed class Input
    {
        public string? Jaar { get; set; }
        public string? Document { get; set; }
        public List<string> Scholen { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Jaar).Must(y => Domain.SchoolYear.TryParseName(y, out _)).WithMessage("Kies een schooljaar.");
            RuleFor(x => x.Document).Must(d => d == PublishedSop || d == ConversationReports || DocumentCatalog.BySlug(d) is { Kind: not DocumentKind.SupportProfile })
                .WithMessage("Kies welk document u wilt downloaden.");
            RuleFor(x => x.Scholen).NotEmpty().WithMessage("Kies ten minste één school.")
                .Must(s => s.Count <= MaxSchools).WithMessage($"Kies hoogstens {MaxSchools} scholen tegelijk.");
        }
    }

    /// <summary>What can be downloaded for many schools: the published SOPs, or one kind of report.</summary>
    public static IReadOnlyList<(string Value, string Label)> DocumentChoices() =>
        [(PublishedSop, "Gepubliceerde schoolondersteuningsprofielen (SOP)"),
         .. DocumentCatalog.All.Where(d => d.Kind != DocumentKind.SupportProfile).Select(d => (d.Slug, d.Title)),
         (ConversationReports, "Gespreksverslagen van Team Basisondersteuning (één PDF per gesprek)")];

    public sealed record SchoolOption(string Code, string Name, string BoardName, int BoardId);

    public sealed record Job(int Id, BulkJobStatus Status, string Document, string Year, int Total, int Completed, DateTimeOffset CreatedAt,
        DateTimeOffset? ExpiresAt, string? FileName, long? FileSize, string? Message)
    {
        public string DocumentLabel => Document switch
        {
            PublishedSop => "Gepubliceerde SOP's",
            ConversationReports => "Gespreksverslagen",
            _ => DocumentCatalog.BySlug(Document)?.Title ?? Document,
        };

        public bool IsActive => Status is BulkJobStatus.Queued or BulkJobStatus.Running;
    }

    public sealed record Page(Input Input, IReadOnlyList<SchoolOption> Schools, IReadOnlyList<string> Years, IReadOnlyList<(string Value, string Label)> Documents, IReadOnlyList<Job> Jobs);

    public const string OneJobMessage = "U heeft al een download die nog gemaakt wordt. Wacht tot die klaar is en vraag dan de volgende aan.";

    public sealed class Handler(AccessPolicy accessPolicy, AppDbContext db, CurrentUser currentUser, TimeProvider time, BulkJobRunner runner)
    {
        public async Task<Page> PageAsync(Input input, CancellationToken cancellationToken)
        {
            var schools = await (await accessPolicy.InternalSchoolsAsync(cancellationToken))
                .Where(s => s.IsActive)
                .OrderBy(s => s.Board.Name).ThenBy(s => s.Name)
                .Select(s => new SchoolOption(s.LocationCode, s.Name, s.Board.Name, s.BoardId))
                .ToListAsync(cancellationToken);
            var years = await db.ScanFrameworks.AsNoTracking().OrderByDescending(f => f.SchoolYear.StartYear).Select(f => f.SchoolYear.Name).ToListAsync(cancellationToken);
            input.Jaar ??= years.FirstOrDefault();
            return new Page(input, schools, years, DocumentChoices(), await JobsAsync(cancellationToken));
        }

        /// <summary>The jobs of the signed-in user, newest first (a finished one stays a day).</summary>
        public async Task<IReadOnlyList<Job>> JobsAsync(CancellationToken cancellationToken)
        {
            var userId = currentUser.UserId;
            return await db.BulkJobs.AsNoTracking()
                .Where(j => j.UserId == userId)
                .OrderByDescending(j => j.Id)
                .Select(j => new Job(j.Id, j.Status, j.Document, j.Year, j.Total, j.Completed, j.CreatedAt, j.ExpiresAt, j.FileName, j.FileSize, j.Message))
                .ToListAsync(cancellationToken);
        }

        /// <summary>One job of the signed-in user, or null (another user's job does not exist for them).</summary>
        public async Task<Job?> JobAsync(int id, CancellationToken cancellationToken) =>
            (await JobsAsync(cancellationToken)).FirstOrDefault(j => j.Id == id);

        /// <summary>The ZIP of a finished job of the signed-in user, or null.</summary>
        public async Task<(string Path, string FileName)?> FileAsync(int id, CancellationToken cancellationToken)
        {
            var job = await JobAsync(id, cancellationToken);
            if (job is not { Status: BulkJobStatus.Done, FileName: { } name }) return null;
            var path = runner.FilePath(id);
            return File.Exists(path) ? (path, name) : null;
        }

        /// <summary>
        /// Queues a job for the schools the user may see now, whatever was posted; refused while the user has one
        /// queued or running. Returns the job's id.
        /// </summary>
        public async Task<Result> StartAsync(Input input, CancellationToken cancellationToken)
        {
            var userId = currentUser.UserId!;
            var codes = input.Scholen.Select(Domain.School.NormalizeLocationCode).ToHashSet();
            var schoolIds = await (await accessPolicy.InternalSchoolsAsync(cancellationToken))
                .Where(s => codes.Contains(s.LocationCode))
                .OrderBy(s => s.LocationCode)
                .Select(s => s.Id)
                .ToListAsync(cancellationToken);
            if (schoolIds.Count == 0) return Result.Invalid(nameof(Input.Scholen), "Kies ten minste één school.");
            if (await db.BulkJobs.AnyAsync(j => j.ActiveUserId == userId, cancellationToken)) return Result.Refused(OneJobMessage);

            var job = new BulkJob
            {
                UserId = userId,
                ActiveUserId = userId,
                Status = BulkJobStatus.Queued,
                Document = input.Document!,
                Year = input.Jaar!,
                SchoolIds = string.Join(',', schoolIds.Select(i => i.ToString(CultureInfo.InvariantCulture))),
                Total = schoolIds.Count,
                CreatedAt = time.GetUtcNow(),
            };
            db.BulkJobs.Add(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request of this user queued one at the same moment: the unique index on ActiveUserId.
                return Result.Refused(OneJobMessage);
            }

            runner.Wake();
            return Result.Ok(job.Id);
        }
    }

    /// <summary>
    /// Writes the ZIP of one job: one PDF per school (a published SOP from the database, a report rendered in the
    /// background share of the PDF renderer, so single documents keep answering), and "ontbreekt.txt" for schools
    /// without one. Reports progress after every school.
    /// </summary>
    public sealed class Writer(AppDbContext db, DocumentDataLoader loader, DocumentRenderer renderer, Conversations.ConversationReport.Loader conversations)
    {
        public async Task<int> WriteAsync(BulkJob job, Stream output, Func<int, Task> progress, CancellationToken cancellationToken)
        {
            var ids = job.SchoolIdList();
            var schools = await db.Schools.AsNoTracking()
                .Where(s => ids.Contains(s.Id))
                .OrderBy(s => s.LocationCode)
                .Select(s => new { s.Id, s.LocationCode, s.Name })
                .ToListAsync(cancellationToken);
            var year = job.Year;
            var definition = DocumentCatalog.BySlug(job.Document);
            var missing = new List<string>();
            var files = 0;
            var done = 0;
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var school in schools)
                {
                    if (job.Document == ConversationReports)
                    {
                        var reports = await conversations.ForYearAsync(school.Id, year, cancellationToken);
                        if (reports.Count == 0) missing.Add($"{school.LocationCode} {school.Name}");
                        foreach (var report in reports)
                        {
                            var rendered = await renderer.RenderAsync(DocumentCatalog.ConversationReport, report, $"{report.Title} {school.Name}", school.Name, isDraft: false);
                            var bytes = await renderer.PdfAsync(rendered, DocumentCatalog.ConversationReport.Paper, isDraft: false, cancellationToken, background: true);
                            var file = zip.CreateEntry(report.FileName, CompressionLevel.Fastest);
                            await using (var stream = await file.OpenAsync(cancellationToken))
                            {
                                await stream.WriteAsync(bytes, cancellationToken);
                            }

                            files++;
                        }

                        await progress(++done);
                        continue;
                    }

                    byte[]? pdf;
                    string name;
                    if (job.Document == PublishedSop)
                    {
                        pdf = await db.PublishedDocuments.AsNoTracking()
                            .Where(d => d.SchoolId == school.Id && d.Kind == PublishedDocumentKind.SupportProfile && d.SchoolYear.Name == year)
                            .OrderByDescending(d => d.Version).Select(d => d.Pdf).FirstOrDefaultAsync(cancellationToken);
                        name = DocumentFileNames.For(school.LocationCode, school.Name, "SOP", year);
                    }
                    else
                    {
                        var data = await loader.LoadAsync(school.Id, year, cancellationToken);
                        pdf = null;
                        name = DocumentFileNames.For(school.LocationCode, school.Name, definition!.ShortName, year);
                        if (data is not null)
                        {
                            var isDraft = data.Status != ScanStatus.Adopted;
                            var rendered = await renderer.RenderAsync(definition!, data, $"{definition!.Title} {school.Name} {year}", school.Name, isDraft);
                            pdf = await renderer.PdfAsync(rendered, definition.Paper, isDraft, cancellationToken, background: true);
                        }
                    }

                    if (pdf is null)
                    {
                        missing.Add($"{school.LocationCode} {school.Name}");
                    }
                    else
                    {
                        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                        await using (var stream = await entry.OpenAsync(cancellationToken))
                        {
                            await stream.WriteAsync(pdf, cancellationToken);
                        }

                        files++;
                    }

                    await progress(++done);
                }

                if (missing.Count > 0)
                {
                    var entry = zip.CreateEntry("ontbreekt.txt");
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    var what = job.Document switch
                    {
                        PublishedSop => "gepubliceerd schoolondersteuningsprofiel",
                        ConversationReports => "gespreksverslag van Team Basisondersteuning",
                        _ => definition!.Title.ToLowerInvariant(),
                    };
                    var text = $"Van deze scholen is er geen {what} voor {year}:\r\n" +
                               string.Join("\r\n", missing) + "\r\n";
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
                }
            }

            return files;
        }

        public static string FileName(BulkJob job, int files) =>
            $"{job.Document switch { PublishedSop => "SOP", ConversationReports => "Gespreksverslagen", _ => DocumentCatalog.BySlug(job.Document)!.ShortName }}-{job.Year}-{files}-scholen.zip";
    }
}
