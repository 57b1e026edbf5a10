using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Accounts;
using Zout.Basisondersteuning.Web.Domain.Dashboards;
using Zout.Basisondersteuning.Web.Domain.Scans;

namespace Zout.Basisondersteuning.Web.Infrastructure.Commands;

/// <summary>
/// <c>generate-national --database /tmp/national.db [--schools 3000] [--boards 150] [--regions 10] [--years 5]</c>:
/// writes a national-scale dataset into a new SQLite file, for the dashboard benchmark
/// (scripts/benchmark-dashboards.sh). Five school years of scans with levels, offering, agreements, verandercapaciteit,
/// finances, key figures (some left empty) and development points; schools in municipalities; made-up names; the same
/// seed gives the same data. Accounts (password
/// <see cref="Password"/>): beheerder@landelijk.example, consultant1..N@, bestuur1..N@, ib-{code}@landelijk.example.
/// </summary>
public static class NationalDatasetCommand
{
    private static readonly string[] AnswerParameters = ["$s", "$k", "$l", "$t", "$x", "$n", "$c", "$o"];
    private static readonly string[] SectionParameters = ["$s", "$k", "$a"];

    public const string Password = "Benchmark-wachtwoord-1";
    public const string Domain = "landelijk.example";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var path = Option(args, "--database");
        if (string.IsNullOrWhiteSpace(path))
        {
            await output.WriteLineAsync("Gebruik: generate-national --database /pad/naar/bestand.db [--schools 3000] [--boards 150] [--regions 10] [--years 5]");
            return 2;
        }

        var schoolCount = int.Parse(Option(args, "--schools") ?? "3000", CultureInfo.InvariantCulture);
        var boardCount = int.Parse(Option(args, "--boards") ?? "150", CultureInfo.InvariantCulture);
        var regionCount = int.Parse(Option(args, "--regions") ?? "10", CultureInfo.InvariantCulture);
        var yearCount = int.Parse(Option(args, "--years") ?? "5", CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        SqliteConnection.ClearAllPools();

        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SqliteAppDbContext(options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20261123);
        var now = DateTimeOffset.UtcNow;

        // Partnership, regions, boards, schools, accounts.
        db.Partnerships.Add(new Partnership { Name = "Landelijk testverband", ShortName = "Landelijk" });
        var regions = Enumerable.Range(1, regionCount).Select(r => new Region { Name = $"Regio {r:D2}" }).ToList();
        db.Regions.AddRange(regions);
        var boards = Enumerable.Range(1, boardCount).Select(b => new Board { BoardNumber = $"{40000 + b}", Name = $"Stichting Onderwijs {b:D3}" }).ToList();
        db.Boards.AddRange(boards);
        await db.SaveChangesAsync();

        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        AppUser NewUser(string email, UserRole role) => new()
        {
            Email = email,
            UserName = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            DisplayName = email.Split('@')[0],
            Role = role,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        db.Users.Add(NewUser($"beheerder@{Domain}", UserRole.PartnershipAdmin));
        var consultants = regions.Select((r, i) =>
        {
            var user = NewUser($"consultant{i + 1}@{Domain}", UserRole.Consultant);
            user.Regions = [r];
            return user;
        }).ToList();
        db.Users.AddRange(consultants);
        foreach (var (board, i) in boards.Select((b, i) => (b, i)))
        {
            var user = NewUser($"bestuur{i + 1}@{Domain}", UserRole.BoardUser);
            user.BoardId = board.Id;
            db.Users.Add(user);
        }

        var schools = new List<School>();
        for (var i = 0; i < schoolCount; i++)
        {
            var board = boards[i % boardCount];
            var home = (i % boardCount) % regionCount;
            var region = random.NextDouble() < 0.85 ? home : random.Next(regionCount);
            var code = $"{i + 1:D4}00";
            // Six municipalities per region, so the dashboard can group and filter by municipality.
            var municipality = $"GEMEENTE {region * MunicipalitiesPerRegion + random.Next(MunicipalitiesPerRegion) + 1:D2}";
            schools.Add(new School
            {
                Municipality = municipality,
                MunicipalityCode = municipality[^2..],
                LocationCode = code,
                Brin = code[..4],
                Name = $"Basisschool {Names[i % Names.Length]} {i + 1}",
                Street = "Schoolstraat",
                HouseNumber = $"{1 + i % 200}",
                PostalCode = $"{1000 + i % 8999}AB",
                City = $"PLAATS {1 + i % 400}",
                PupilCount = 80 + random.Next(420),
                BoardId = board.Id,
                RegionId = regions[region].Id,
                ContactPersonId = consultants[region].Id,
                Phone = $"010-{1000000 + i}",
            });
        }

        db.Schools.AddRange(schools);
        await db.SaveChangesAsync();
        foreach (var school in schools)
        {
            var user = NewUser($"ib-{school.LocationCode.ToLowerInvariant()}@{Domain}", UserRole.SchoolUser);
            user.SchoolId = school.Id;
            user.IsDirector = true;
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await output.WriteLineAsync($"{regions.Count} regio's, {boards.Count} besturen, {schools.Count} scholen en accounts: {clock.Elapsed.TotalSeconds:0.0} s");

        // School years and frameworks.
        var framework = DefaultFramework.Create();
        var firstYear = SchoolYear.StartYearOf(DateOnly.FromDateTime(DateTime.Today)) - yearCount + 1;
        var years = Enumerable.Range(firstYear, yearCount).Select(y =>
        {
            var year = SchoolYear.For(y);
            year.ScanOpensOn = new DateOnly(y + 1, 5, 1);
            year.ScanClosesOn = new DateOnly(y + 1, 6, 30);
            year.IsClosed = y < firstYear + yearCount - 1;
            return year;
        }).ToList();
        db.SchoolYears.AddRange(years);
        await db.SaveChangesAsync();
        db.ScanFrameworks.AddRange(years.Select(y => new ScanFramework { SchoolYearId = y.Id, DefinitionJson = framework.ToJson(), Version = 1 }));
        await db.SaveChangesAsync();

        // Scans: every school adopted in earlier years; this year a mix, so completion has something to show.
        var quality = schools.ToDictionary(s => s.Id, _ => random.NextDouble() * 1.6 - 0.8);
        var sections = ScanLayout.Sections(framework);
        var previousScan = new Dictionary<int, Scan>();
        var answerRows = new List<(Scan Scan, List<ScanAnswer> Answers)>();
        var points = new List<DevelopmentPoint>();
        foreach (var (year, index) in years.Select((y, i) => (y, i)))
        {
            var isCurrent = index == years.Count - 1;
            var scans = new List<(Scan, List<ScanAnswer>)>();
            foreach (var school in schools)
            {
                var roll = random.NextDouble();
                var status = !isCurrent ? ScanStatus.Adopted : roll < 0.85 ? ScanStatus.Adopted : roll < 0.92 ? ScanStatus.Submitted : roll < 0.97 ? ScanStatus.Concept : ScanStatus.NotStarted;
                if (status == ScanStatus.NotStarted) continue;
                var scan = new Scan
                {
                    SchoolId = school.Id,
                    SchoolYearId = year.Id,
                    Status = status,
                    Version = 1,
                    CarriedOverFromScanId = previousScan.GetValueOrDefault(school.Id)?.Id,
                    SubmittedAt = status >= ScanStatus.Submitted ? now : null,
                    SubmittedBy = status >= ScanStatus.Submitted ? "generator" : null,
                    AdoptedAt = status == ScanStatus.Adopted ? now : null,
                    AdoptedBy = status == ScanStatus.Adopted ? "generator" : null,
                    AdoptionDate = status == ScanStatus.Adopted ? new DateOnly(year.StartYear + 1, 6, 15) : null,
                    MrAdviceDate = status == ScanStatus.Adopted ? new DateOnly(year.StartYear + 1, 6, 1) : null,
                    MrAdviceOutcome = status == ScanStatus.Adopted ? MrAdviceOutcome.Positive : null,
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = "generator",
                    UpdatedBy = "generator",
                };
                var answers = Answers(framework, random, quality[school.Id] + index * 0.12, school.RegionId!.Value % 3, index);
                scans.Add((scan, answers));
                foreach (var weak in answers.Where(a => a.Level <= 2 && ItemKey.Parse(a.ItemKey).IsCell).OrderBy(_ => random.Next()).Take(random.Next(4)))
                {
                    var cell = ItemKey.Parse(weak.ItemKey);
                    points.Add(new DevelopmentPoint
                    {
                        SchoolId = school.Id,
                        SchoolYearId = year.Id,
                        DomainKey = cell.Key,
                        AspectKey = cell.Aspect!,
                        Title = $"Van {weak.Level} naar {weak.Level + 1}: {framework.DomainName(cell.Key)}, {framework.AspectName(cell.Aspect!)}",
                        CurrentLevel = weak.Level,
                        TargetLevel = weak.Level + 1,
                        Owner = "IB-er",
                        Deadline = new DateOnly(year.StartYear + 1, 6, 1),
                        Status = isCurrent ? DevelopmentPointStatus.Planned : DevelopmentPointStatus.Done,
                        Version = 1,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                }
            }

            db.Scans.AddRange(scans.Select(s => s.Item1));
            await db.SaveChangesAsync();
            foreach (var (scan, _) in scans) previousScan[scan.SchoolId] = scan;
            answerRows.AddRange(scans);
            db.ChangeTracker.Clear();
        }

        await output.WriteLineAsync($"{answerRows.Count} scans: {clock.Elapsed.TotalSeconds:0.0} s");

        // Answers and sections in bulk, in one transaction with prepared statements.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var answer = connection.CreateCommand();
            answer.Transaction = transaction;
            answer.CommandText = "INSERT INTO ScanAnswers (ScanId, ItemKey, Level, TargetLevel, Text, Number, Checked, Origin) VALUES ($s, $k, $l, $t, $x, $n, $c, $o)";
            var p = AnswerParameters.Select(name => answer.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            answer.Prepare();
            await using var section = connection.CreateCommand();
            section.Transaction = transaction;
            section.CommandText = "INSERT INTO ScanSections (ScanId, Key, State, ConfirmedUnchanged, Version, SavedAt, SavedBy) VALUES ($s, $k, 2, 0, 2, $a, 'generator')";
            var ps = SectionParameters.Select(name => section.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            section.Prepare();
            foreach (var (scan, answers) in answerRows)
            {
                foreach (var a in answers)
                {
                    p[0].Value = scan.Id; p[1].Value = a.ItemKey; p[2].Value = (object?)a.Level ?? DBNull.Value; p[3].Value = (object?)a.TargetLevel ?? DBNull.Value;
                    p[4].Value = (object?)a.Text ?? DBNull.Value; p[5].Value = a.Number is { } n ? (long)(n * 100) : DBNull.Value;
                    p[6].Value = a.Checked ? 1 : 0; p[7].Value = (int)(scan.CarriedOverFromScanId is null ? AnswerOrigin.New : AnswerOrigin.ConfirmedUnchanged);
                    answer.ExecuteNonQuery();
                }

                foreach (var s in sections)
                {
                    ps[0].Value = scan.Id; ps[1].Value = s.Key; ps[2].Value = now.UtcTicks;
                    section.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync();
        }

        await db.Database.CloseConnectionAsync();
        await output.WriteLineAsync($"{answerRows.Sum(a => a.Answers.Count)} antwoorden: {clock.Elapsed.TotalSeconds:0.0} s");

        foreach (var batch in points.Chunk(5000))
        {
            db.DevelopmentPoints.AddRange(batch);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // The dashboards' summaries, written directly: this context has no interceptor.
        var stamp = 0L;
        foreach (var batch in answerRows.Chunk(2000))
        {
            db.ScanSummaries.AddRange(batch.Select(r =>
            {
                var summary = ScanSummary.From(r.Scan.Id, r.Scan.SchoolId, r.Scan.SchoolYearId, r.Scan.Status, r.Answers);
                summary.Stamp = ++stamp;
                return summary;
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        // The stamp counter continues after the last stamp written here (docs/decisions/030-dashboard-aggregates.md).
        await db.ChangeCounters.Where(c => c.Name == ChangeCounter.ScanSummaries).ExecuteDeleteAsync();
        db.ChangeCounters.Add(new ChangeCounter { Name = ChangeCounter.ScanSummaries, Value = stamp });
        await db.SaveChangesAsync();

        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        await output.WriteLineAsync($"{points.Count} ontwikkelpunten en {answerRows.Count} samenvattingen; klaar in {clock.Elapsed.TotalSeconds:0.0} s: {path}");
        await output.WriteLineAsync($"Inloggen met beheerder@{Domain}, bestuur1@{Domain}, ib-000100@{Domain}; wachtwoord {Password}");
        return 0;
    }

    private const int MunicipalitiesPerRegion = 6;

    private static List<ScanAnswer> Answers(FrameworkDefinition framework, Random random, double quality, int regionFlavour, int yearIndex)
    {
        var answers = new List<ScanAnswer>();
        int Level(double bias) => Math.Clamp((int)Math.Round(2.7 + quality + bias + (random.NextDouble() - 0.5) * 1.6), 1, 4);
        foreach (var (domain, d) in framework.Domains.Select((x, i) => (x, i)))
        {
            var domainBias = (d % 4 - 1.5) * 0.25;
            foreach (var aspect in framework.Aspects)
            {
                var level = Level(domainBias);
                answers.Add(new ScanAnswer
                {
                    ItemKey = ItemKey.Cell(domain.Key, aspect.Key),
                    Level = level,
                    TargetLevel = level <= 2 ? level + 1 : null,
                    Text = level <= 2 ? "We werken hier dit jaar aan." : null,
                });
            }
        }

        answers.AddRange(framework.ChangeCapacity.Select(s => new ScanAnswer { ItemKey = ItemKey.ChangeCapacity(s.Key), Level = Level(0) }));
        answers.AddRange(framework.Agreements.Select(a => new ScanAnswer { ItemKey = ItemKey.Agreement(a.Key), Level = Level(0.2) }));
        foreach (var (item, i) in framework.OfferingItems.Select((x, i) => (x, i)))
        {
            // Some items are rare, and one in three is missing in some regions: gaps in the dekkend aanbod.
            var chance = i % 3 == regionFlavour ? 0.0 : 0.25 + i % 5 * 0.15;
            if (random.NextDouble() < chance) answers.Add(new ScanAnswer { ItemKey = ItemKey.Offering(item.Key), Checked = true, Text = item.AsksNote ? "Zie toelichting" : null });
        }

        answers.AddRange(framework.OpenQuestions.Select(q => new ScanAnswer { ItemKey = ItemKey.Question(q.Key), Text = "Onze school werkt samen met ouders en partners aan passende ondersteuning." }));
        answers.AddRange(framework.FinanceCategories.Select(c => new ScanAnswer { ItemKey = ItemKey.Finance(c.Key), Number = random.Next(2, 40) * 500m }));
        answers.Add(new ScanAnswer { ItemKey = ItemKey.FinanceEvaluation, Text = "Het geld ging vooral naar de intern begeleider." });
        // One school in ten leaves a key figure empty (not filled in, never 0); thuiszitters rise a little every year.
        answers.AddRange(framework.KeyFigures.Where(_ => random.NextDouble() >= 0.1).Select(k => new ScanAnswer
        {
            ItemKey = ItemKey.KeyFigure(k.Key),
            Number = k.Key == "thuiszitters" ? random.Next(0, 2 + yearIndex) : random.Next(0, 12),
        }));
        return answers;
    }

    private static readonly string[] Names = ["De Regenboog", "Het Kompas", "De Wilgen", "De Vlinder", "Het Palet", "De Sterrenwachter", "Het Anker", "De Linde", "De Zonnewijzer", "Het Baken"];

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
