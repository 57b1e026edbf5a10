using FluentValidation.Results;

namespace Zout.Basisondersteuning.Web.Infrastructure.Results;

/// <summary>How a use case that changes something ended.</summary>
public enum ResultStatus
{
    /// <summary>Done and stored.</summary>
    Succeeded,

    /// <summary>The input breaks a rule: nothing is stored; <see cref="Result.Errors"/> says what, per field.</summary>
    Invalid,

    /// <summary>Someone else changed the record since the user opened it: nothing is stored.</summary>
    Conflict,

    /// <summary>The record does not exist (or no longer).</summary>
    NotFound,

    /// <summary>Not possible in the record's state (closed year, read-only scan, already done): nothing is stored.</summary>
    Refused,
}

/// <summary>A message for one field of the form (by its property path, e.g. "Email"), or for the whole form ("").</summary>
public sealed record FieldError(string Field, string Message)
{
    public const string Form = "";
}

/// <summary>
/// The one result shape of every use case that changes something: the outcome, the messages per field, and the
/// id and version of the record it made or changed. A use case with more to say returns <see cref="Result{T}"/>.
/// Controllers copy the errors into ModelState with <c>ModelState.AddErrors(result, prefix)</c>.
/// </summary>
public record Result(ResultStatus Status, IReadOnlyList<FieldError> Errors, int? Id = null, int? Version = null)
{
    public bool Succeeded => Status == ResultStatus.Succeeded;

    /// <summary>The first message for the whole form, or else the first message: what a flash message shows.</summary>
    public string? Message => (Errors.FirstOrDefault(e => e.Field == FieldError.Form) ?? (Errors.Count > 0 ? Errors[0] : null))?.Message;

    public static Result Ok(int? id = null, int? version = null) => new(ResultStatus.Succeeded, [], id, version);

    public static Result Invalid(string field, string message) => new(ResultStatus.Invalid, [new FieldError(field, message)]);

    public static Result Invalid(IEnumerable<FieldError> errors) => new(ResultStatus.Invalid, errors.ToList());

    public static Result Invalid(ValidationResult validation) =>
        new(ResultStatus.Invalid, validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());

    public static Result Conflict(string message) => new(ResultStatus.Conflict, [new FieldError(FieldError.Form, message)]);

    public static Result NotFound(string? message = null) =>
        new(ResultStatus.NotFound, message is null ? [] : [new FieldError(FieldError.Form, message)]);

    public static Result Refused(string message) => Refused(FieldError.Form, message);

    /// <summary>Refused, with the message next to one field (e.g. a locked-out account next to the e-mail address).</summary>
    public static Result Refused(string field, string message) => new(ResultStatus.Refused, [new FieldError(field, message)]);

    /// <summary>The same result carrying a value (a conflict's details, a warning, the created record's key...).</summary>
    public Result<T> With<T>(T value) => new(Status, Errors, Id, Version) { Value = value };

    /// <summary>The same result as a <see cref="Result{T}"/> without a value, for a use case whose other outcomes carry one.</summary>
    public Result<T> As<T>() => new(Status, Errors, Id, Version);
}

/// <summary>A <see cref="Result"/> with a value for the caller: e.g. the stored values of a conflict.</summary>
public sealed record Result<T>(ResultStatus Status, IReadOnlyList<FieldError> Errors, int? Id = null, int? Version = null)
    : Result(Status, Errors, Id, Version)
{
    public T? Value { get; init; }
}
