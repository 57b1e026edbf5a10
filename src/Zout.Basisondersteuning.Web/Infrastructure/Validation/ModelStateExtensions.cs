using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Infrastructure.Validation;

/// <summary>The one way messages reach a form: copied into ModelState, so each shows next to its field and in the error summary.</summary>
public static class ModelStateExtensions
{
    /// <summary>Copies a use case's field errors into ModelState; a form-level message ("") goes to the summary only.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string prefix = "")
    {
        foreach (var error in result.Errors) modelState.AddModelError(Key(prefix, error.Field), error.Message);
    }

    /// <summary>Copies a validator's errors into ModelState.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, ValidationResult validation, string prefix = "") =>
        modelState.AddErrors(Result.Invalid(validation), prefix);

    private static string Key(string prefix, string field) =>
        field.Length == 0 ? "" : string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
}
