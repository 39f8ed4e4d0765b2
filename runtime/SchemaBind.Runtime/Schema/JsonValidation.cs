using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace SchemaBind.Runtime.GeneratedCode;

/// <summary>Brings the JSON validator's findings into a typed validation.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code, not by users
public static class JsonValidation
{
    /// <summary>
    /// Validates the JSON form of a value against its schema and adds, at the context's current
    /// location, each error the typed checks have not already explained: not the same location and
    /// keyword as a typed error, and not at or below a location where a typed error was found (a
    /// required member set to null is one error, not two).
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="context">The typed validation's context.</param>
    /// <param name="firstError">The number of errors the context had when this value's validation began.</param>
    /// <param name="schema">The value's JSON Schema.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">Writes the value as JSON.</param>
    public static void AddErrors<T>(ValidationContext context, int firstError, JsonSchemaValidator schema, T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(write);
        JsonBuffer buffer = JsonBuffer.Rent();
        try
        {
            try
            {
                write(buffer.Writer, value);
                buffer.Writer.Flush();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NullReferenceException)
            {
                // A value the typed checks already reject (an undefined enum member, a required null)
                // cannot always be written; its typed errors say what is wrong.
                if (context.ErrorCount > firstError)
                {
                    return;
                }

                throw;
            }

            using JsonDocument document = JsonDocument.Parse(buffer.Written);
            IReadOnlyList<ValidationError> errors = schema.Validate(document.RootElement);
            if (errors.Count == 0)
            {
                return;
            }

            string here = context.CurrentPointer();
            foreach (ValidationError error in errors)
            {
                string pointer = here + error.InstanceLocation;
                if (!context.IsExplained(firstError, pointer, error.Keyword))
                {
                    context.AddError(error.InstanceLocation, error.Keyword, error.Message, skipDuplicate: false);
                }
            }
        }
        finally
        {
            JsonBuffer.Return(buffer);
        }
    }

    /// <summary>The thread's buffer and writer for JSON forms, reused from one validation to the next.</summary>
    private sealed class JsonBuffer
    {
        [ThreadStatic]
        private static JsonBuffer? t_cached;

        private readonly ArrayBufferWriter<byte> _buffer = new(1024);

        private JsonBuffer()
        {
            Writer = new Utf8JsonWriter(_buffer);
        }

        public Utf8JsonWriter Writer { get; }

        public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

        public static JsonBuffer Rent()
        {
            JsonBuffer? buffer = t_cached;
            t_cached = null;
            return buffer ?? new JsonBuffer();
        }

        public static void Return(JsonBuffer buffer)
        {
            if (buffer._buffer.Capacity > 64 * 1024)
            {
                return; // not kept: one very large value should not pin its buffer to the thread
            }

            buffer._buffer.ResetWrittenCount();
            buffer.Writer.Reset(buffer._buffer);
            t_cached = buffer;
        }
    }
}
