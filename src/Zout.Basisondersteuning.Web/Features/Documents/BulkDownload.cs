using System.IO.Compression;
using System.Text;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Documents;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;

namespace Zout.Basisondersteuning.Web.Features.Documents;

/// <summary>
/// Board users and partnership staff download a ZIP with the published SOPs (or one chosen report) of a
/// selection of the schools they may see, one PDF per school.
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

    public sealed record Page(Input Input, IReadOnlyList<SchoolOption> Schools, IReadOnlyList<string> Years, IReadOnlyList<(string Value, string Label)> Documents);

    public sealed record Zip(string FileName, byte[] Content, int Files);

    public sealed class Handler(AccessPolicy accessPolicy, AppDbContext db, DocumentDataLoader loader, DocumentRenderer renderer, Conversations.ConversationReport.Loader conversations)
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
            return new Page(input, schools, years, DocumentChoices());
        }

        public async Task<Zip> ZipAsync(Input input, CancellationToken cancellationToken)
        {
            var codes = input.Scholen.Select(Domain.School.NormalizeLocationCode).ToHashSet();
            // Only schools the user may see internally, whatever was posted.
            var schools = await (await accessPolicy.InternalSchoolsAsync(cancellationToken))
                .Where(s => codes.Contains(s.LocationCode))
                .OrderBy(s => s.LocationCode)
                .Select(s => new { s.Id, s.LocationCode, s.Name })
                .ToListAsync(cancellationToken);
            var year = input.Jaar!;
            var definition = DocumentCatalog.BySlug(input.Document);
            var missing = new List<string>();
            var files = 0;
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var school in schools)
                {
                    if (input.Document == ConversationReports)
                    {
                        var reports = await conversations.ForYearAsync(school.Id, year, cancellationToken);
                        if (reports.Count == 0) missing.Add($"{school.LocationCode} {school.Name}");
                        foreach (var report in reports)
                        {
                            var rendered = await renderer.RenderAsync(DocumentCatalog.ConversationReport, report, $"{report.Title} {school.Name}", school.Name, isDraft: false);
                            var bytes = await renderer.PdfAsync(rendered, DocumentCatalog.ConversationReport.Paper, isDraft: false, cancellationToken);
                            var file = zip.CreateEntry(report.FileName, CompressionLevel.Fastest);
                            await using (var stream = await file.OpenAsync(cancellationToken))
                            {
                                await stream.WriteAsync(bytes, cancellationToken);
                            }

                            files++;
                        }

                        continue;
                    }

                    byte[]? pdf;
                    string name;
                    if (input.Document == PublishedSop)
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
                            pdf = await renderer.PdfAsync(rendered, definition.Paper, isDraft, cancellationToken);
                        }
                    }

                    if (pdf is null)
                    {
                        missing.Add($"{school.LocationCode} {school.Name}");
                        continue;
                    }

                    var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                    {
                        await stream.WriteAsync(pdf, cancellationToken);
                    }

                    files++;
                }

                if (missing.Count > 0)
                {
                    var entry = zip.CreateEntry("ontbreekt.txt");
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    var what = input.Document switch
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

            var kind = input.Document switch { PublishedSop => "SOP", ConversationReports => "Gespreksverslagen", _ => definition!.ShortName };
            return new Zip($"{kind}-{year}-{files}-scholen.zip", buffer.ToArray(), files);
        }
    }
}
