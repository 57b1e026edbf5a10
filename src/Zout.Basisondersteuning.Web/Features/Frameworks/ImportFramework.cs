using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>
/// Replaces a year's framework by an uploaded JSON document, all or nothing: a document that does not parse or
/// breaks a <see cref="FrameworkRules"/> rule is refused with every problem named by place.
/// </summary>
public static class ImportFramework
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Stricter than reading our own stored documents: a misspelt field name is an error, not silently ignored.</summary>
    private static readonly JsonSerializerOptions StrictJson = new(FrameworkDefinition.JsonOptions)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public sealed class Input
    {
        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.File).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Kies een JSON-bestand om te importeren.")
                .Must(f => f!.Length > 0).WithMessage("Het bestand is leeg.")
                .Must(f => f!.Length <= MaxBytes).WithMessage("Het bestand is te groot: maximaal 1 MB.");
        }
    }

    public sealed record Model(string YearName, bool HasFramework, IReadOnlyList<FrameworkProblem> Problems);

    /// <summary>Reads a framework document, or says in Dutch where and why it cannot be read.</summary>
    public static (FrameworkDefinition? Definition, FrameworkProblem? Problem) Parse(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<FrameworkDefinition>(json, StrictJson)
                    ?? throw new JsonException("Leeg document."), null);
        }
        catch (JsonException e)
        {
            return (null, ProblemOf(e));
        }
    }

    public static FrameworkProblem ProblemOf(JsonException e)
    {
        var place = e.Path is null or "$" ? "(document)" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        if (e.LineNumber is not { } line)
        {
            return new FrameworkProblem(place, "Het bestand bevat geen kader: verwacht wordt één JSON-object zoals in de export, beginnend met {.");
        }

        var position = (e.BytePositionInLine ?? 0) + 1;
        return new FrameworkProblem(place,
            $"Ongeldige JSON, een onbekend veld of een waarde van de verkeerde soort op regel {line + 1}, positie {position}. "
            + "Controleer de leestekens en de spelling van de veldnaam, en of de waarde een tekst, een getal, true/false of een lijst moet zijn.");
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger)
    {
        public Task<EditableFramework?> LoadAsync(string yearName, CancellationToken cancellationToken) =>
            FrameworkEditing.LoadAsync(db, time, yearName, cancellationToken);

        /// <summary>
        /// Replaces the framework by the uploaded document. When it does not parse or breaks a rule, the message is for the file
        /// field and the result carries every problem in the document, by its place, for the table of problems.
        /// </summary>
        public async Task<Result<IReadOnlyList<FrameworkProblem>>> HandleAsync(EditableFramework target, Input input, CancellationToken cancellationToken)
        {
            if (target.NotEditableReason is { } reason) return Result.Refused(reason).With<IReadOnlyList<FrameworkProblem>>([]);

            string json;
            await using (var stream = input.File!.OpenReadStream())
            using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }

            var (definition, problem) = Parse(json);
            if (problem is not null) return NotImported([problem]);

            var result = await FrameworkEditing.StoreAsync(db, target, expectedVersion: null, definition!, cancellationToken);
            if (result.Succeeded) logger.LogInformation("Framework of {Year} replaced by an import, now version {Version}", target.Year.Name, result.Version);
            return result.Status == ResultStatus.Invalid
                ? NotImported(result.Errors.Select(e => new FrameworkProblem(e.Field, e.Message)).ToList())
                : result.With<IReadOnlyList<FrameworkProblem>>([]);
        }

        private static Result<IReadOnlyList<FrameworkProblem>> NotImported(List<FrameworkProblem> problems) =>
            Result.Invalid(nameof(Input.File),
                    $"Het bestand is niet geïmporteerd: {(problems.Count == 1 ? "er is 1 probleem" : $"er zijn {problems.Count} problemen")}. Het huidige kader is ongewijzigd.")
                .With<IReadOnlyList<FrameworkProblem>>(problems);
    }
}
