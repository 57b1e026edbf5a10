using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.DuoImport;

/// <summary>
/// Importing DUO's files in two steps. Upload: the file is checked and kept on the server under a
/// random id. Preview: what would change. Apply: the stored file is read and compared again (nothing
/// from the browser is trusted but the id and the choice to skip bad rows) and applied in one transaction.
/// </summary>
public static class DuoImport
{
    public sealed record FieldChange(string Field, string? Old, string? New);

    public sealed record SchoolChange(string LocationCode, string Name, IReadOnlyList<FieldChange> Fields);

    public sealed record NewSchool(string LocationCode, string Name, string BoardNumber, string? City);

    public sealed record OtherSchool(string LocationCode, string Name);

    public sealed record Plan(
        string UploadId, ImportKind Kind, string FileName, bool IsApplied, int RowCount, IReadOnlyList<BadRow> BadRows, IReadOnlyList<NewSchool> NewSchools,
        IReadOnlyList<string> NewBoards, IReadOnlyList<SchoolChange> Changes, IReadOnlyList<OtherSchool> MissingFromFile, IReadOnlyList<string> UnknownInPortal)
    {
        public bool HasChanges => NewSchools.Count > 0 || Changes.Count > 0 || NewBoards.Count > 0;
    }

    /// <summary>What an applied import did.</summary>
    public sealed record Applied(int Created, int Changed);

    /// <summary>The form field of the choice to skip bad rows: where a refusal to apply is shown.</summary>
    public const string SkipBadRowsField = "skipBadRows";

    private static Result<T?> Failed<T>(Result result) where T : class => result.With<T?>(null);

    public static string SlugOf(ImportKind kind) => kind == ImportKind.SchoolLocations ? "vestigingen" : "leerlingen";

    public static ImportKind? KindOf(string slug) => slug switch
    {
        "vestigingen" => ImportKind.SchoolLocations,
        "leerlingen" => ImportKind.PupilCounts,
        _ => null,
    };

    public sealed class Handler(AppDbContext db, TimeProvider time, AuditLog auditLog, ILogger<Handler> logger)
    {
        /// <summary>
        /// Checks and stores an upload; the result carries its id, or a Dutch message for the file field (named by the
        /// kind's slug) when there is no file or it is not such a CSV.
        /// </summary>
        public async Task<Result<string?>> UploadAsync(ImportKind kind, IFormFile? file, string uploadedBy, CancellationToken cancellationToken)
        {
            var field = SlugOf(kind);
            if (file is null) return Failed<string>(Result.Invalid(field, "Kies een bestand om te importeren."));
            if (file.Length == 0) return Failed<string>(Result.Invalid(field, "Het bestand is leeg. Kies het CSV-bestand van DUO."));
            if (file.Length > DuoFile.MaxBytes)
            {
                return Failed<string>(Result.Invalid(field, $"Het bestand is te groot (meer dan {DuoFile.MaxBytes / 1024 / 1024} MB). Kies het CSV-bestand van DUO."));
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var content = buffer.ToArray();
            var parsed = DuoFile.Parse(kind, content);
            if (parsed.FileError is not null) return Failed<string>(Result.Invalid(field, parsed.FileError));

            // Uploads are only needed between preview and apply: drop old ones.
            var old = time.GetUtcNow().AddDays(-7);
            await db.ImportUploads.Where(u => u.UploadedAt < old).ExecuteDeleteAsync(cancellationToken);
            var upload = new ImportUpload
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                Kind = kind,
                FileName = Path.GetFileName(file.FileName) is { Length: > 0 and <= ImportUpload.FileNameMaxLength } name ? name : "bestand.csv",
                Content = content,
                UploadedBy = uploadedBy,
                UploadedAt = time.GetUtcNow(),
            };
            db.ImportUploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok().With<string?>(upload.Id);
        }

        public async Task<Plan?> PreviewAsync(ImportKind kind, string id, CancellationToken cancellationToken)
        {
            var upload = await db.ImportUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.Kind == kind, cancellationToken);
            if (upload is null) return null;
            var parsed = DuoFile.Parse(kind, upload.Content);
            return await PlanAsync(upload, parsed, cancellationToken);
        }

        /// <summary>
        /// All or nothing, in one transaction (run by the execution strategy, so SQL Server may retry it whole). Refused when the
        /// file was applied before; invalid when the file cannot be read or has bad rows the admin did not choose to skip.
        /// </summary>
        public Task<Result<Applied?>> ApplyAsync(ImportKind kind, string id, bool skipBadRows, CancellationToken cancellationToken) =>
            db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                return await ApplyOnceAsync(kind, id, skipBadRows, cancellationToken);
            });

        private async Task<Result<Applied?>> ApplyOnceAsync(ImportKind kind, string id, bool skipBadRows, CancellationToken cancellationToken)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var upload = await db.ImportUploads.SingleOrDefaultAsync(u => u.Id == id && u.Kind == kind, cancellationToken);
            if (upload is null) return Failed<Applied>(Result.NotFound());
            if (upload.AppliedAt is not null) return Failed<Applied>(Result.Refused("Dit bestand is al verwerkt; er is niets gewijzigd."));
            var parsed = DuoFile.Parse(kind, upload.Content);
            if (parsed.FileError is not null) return Failed<Applied>(Result.Invalid(SkipBadRowsField, parsed.FileError));
            if (parsed.BadRows.Count > 0 && !skipBadRows)
            {
                return Failed<Applied>(Result.Invalid(SkipBadRowsField,
                    "Er is niets geïmporteerd: het bestand heeft regels met fouten. Verbeter het bestand en upload het opnieuw, of kies om deze regels over te slaan."));
            }

            var schools = await db.Schools.ToDictionaryAsync(s => s.LocationCode, cancellationToken);
            int created = 0, changed = 0;
            if (kind == ImportKind.SchoolLocations)
            {
                var boards = await db.Boards.ToDictionaryAsync(b => b.BoardNumber, cancellationToken);
                foreach (var row in parsed.Locations)
                {
                    if (!boards.TryGetValue(row.BoardNumber, out var board))
                    {
                        board = new Board { BoardNumber = row.BoardNumber, Name = $"Bestuur {row.BoardNumber}" };
                        boards[row.BoardNumber] = board;
                        db.Boards.Add(board);
                    }

                    if (!schools.TryGetValue(row.LocationCode, out var school))
                    {
                        school = new School { LocationCode = row.LocationCode, Brin = row.Brin, Name = row.Name, Board = board };
                        Copy(row, school, board);
                        db.Schools.Add(school);
                        created++;
                    }
                    else if (LocationChanges(school, row, board.BoardNumber).Count > 0)
                    {
                        Copy(row, school, board);
                        changed++;
                    }
                }
            }
            else
            {
                foreach (var row in parsed.PupilCounts)
                {
                    if (schools.TryGetValue(row.LocationCode, out var school) && school.PupilCount != row.PupilCount)
                    {
                        school.PupilCount = row.PupilCount;
                        changed++;
                    }
                }
            }

            upload.AppliedAt = time.GetUtcNow();
            auditLog.Add(AuditActions.Import,
                $"{(kind == ImportKind.SchoolLocations ? "Vestigingen" : "Leerlingaantallen")} van DUO geïmporteerd uit {upload.FileName}: {created} nieuw, {changed} gewijzigd"
                + (parsed.BadRows.Count > 0 ? $", {parsed.BadRows.Count} regels overgeslagen." : "."), subject: upload.FileName);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("DUO import {Kind} {UploadId}: {Created} created, {Changed} changed", kind, id, created, changed);
            return Result.Ok().With<Applied?>(new Applied(created, changed));
        }

        private static void Copy(LocationRow row, School school, Board board)
        {
            school.Name = row.Name;
            school.Brin = row.Brin;
            school.Street = row.Street;
            school.HouseNumber = row.HouseNumber;
            school.PostalCode = row.PostalCode;
            school.City = row.City;
            school.MunicipalityCode = row.MunicipalityCode;
            school.Municipality = row.Municipality;
            school.Denomination = row.Denomination;
            school.Phone = row.Phone;
            school.Website = row.Website;
            if (school.Board != board) school.Board = board;
        }

        private static List<FieldChange> LocationChanges(School school, LocationRow row, string? currentBoardNumber)
        {
            var changes = new List<FieldChange>();
            void Compare(string field, string? old, string? @new)
            {
                if (!string.Equals(old ?? "", @new ?? "", StringComparison.Ordinal)) changes.Add(new FieldChange(field, old, @new));
            }

            Compare("Naam", school.Name, row.Name);
            Compare("Straat", school.Street, row.Street);
            Compare("Huisnummer", school.HouseNumber, row.HouseNumber);
            Compare("Postcode", school.PostalCode, row.PostalCode);
            Compare("Plaats", school.City, row.City);
            Compare("Gemeentenummer", school.MunicipalityCode, row.MunicipalityCode);
            Compare("Gemeente", school.Municipality, row.Municipality);
            Compare("Denominatie", school.Denomination, row.Denomination);
            Compare("Telefoonnummer", school.Phone, row.Phone);
            Compare("Website", school.Website, row.Website);
            Compare("Bestuursnummer", currentBoardNumber, row.BoardNumber);
            return changes;
        }

        private async Task<Plan> PlanAsync(ImportUpload upload, ParsedDuoFile parsed, CancellationToken cancellationToken)
        {
            var schools = await db.Schools.AsNoTracking().Include(s => s.Board).ToListAsync(cancellationToken);
            var byCode = schools.ToDictionary(s => s.LocationCode);
            var newSchools = new List<NewSchool>();
            var changes = new List<SchoolChange>();
            var newBoards = new List<string>();
            var unknown = new List<string>();
            IReadOnlyCollection<string> codesInFile;
            if (upload.Kind == ImportKind.SchoolLocations)
            {
                var boardNumbers = (await db.Boards.AsNoTracking().Select(b => b.BoardNumber).ToListAsync(cancellationToken)).ToHashSet();
                foreach (var row in parsed.Locations)
                {
                    if (!boardNumbers.Contains(row.BoardNumber) && !newBoards.Contains(row.BoardNumber)) newBoards.Add(row.BoardNumber);
                    if (!byCode.TryGetValue(row.LocationCode, out var school))
                    {
                        newSchools.Add(new NewSchool(row.LocationCode, row.Name, row.BoardNumber, row.City));
                    }
                    else if (LocationChanges(school, row, school.Board.BoardNumber) is { Count: > 0 } fields)
                    {
                        changes.Add(new SchoolChange(school.LocationCode, school.Name, fields));
                    }
                }

                codesInFile = parsed.Locations.Select(l => l.LocationCode).ToHashSet();
            }
            else
            {
                foreach (var row in parsed.PupilCounts)
                {
                    if (!byCode.TryGetValue(row.LocationCode, out var school)) unknown.Add(row.LocationCode);
                    else if (school.PupilCount != row.PupilCount)
                    {
                        changes.Add(new SchoolChange(school.LocationCode, school.Name,
                            [new FieldChange("Aantal leerlingen", school.PupilCount?.ToString(Infrastructure.PortalSetup.Dutch), row.PupilCount.ToString(Infrastructure.PortalSetup.Dutch))]));
                    }
                }

                codesInFile = parsed.PupilCounts.Select(p => p.LocationCode).ToHashSet();
            }

            // Bad rows may be about schools that are in the file after all: do not call those missing.
            var missing = schools.Where(s => s.IsActive && !codesInFile.Contains(s.LocationCode))
                .OrderBy(s => s.Name).Select(s => new OtherSchool(s.LocationCode, s.Name)).ToList();
            return new Plan(upload.Id, upload.Kind, upload.FileName, upload.AppliedAt is not null, parsed.Locations.Count + parsed.PupilCounts.Count + parsed.BadRows.Count,
                parsed.BadRows, newSchools, newBoards, changes, missing, unknown);
        }
    }
}
