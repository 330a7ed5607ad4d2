// Timestamps as the AWS protocols carry them: ISO 8601 ("2024-05-01T12:00:00Z"),
// RFC 822 dates in headers ("Wed, 01 May 2024 12:00:00 GMT") and epoch seconds
// (JSON numbers, possibly fractional). Internally a timestamp is microseconds
// since the Unix epoch, UTC. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aws/json_fwd.h"

namespace posture::aws {

using EpochMicros = int64_t;

// Parses ISO 8601 (with or without fraction and zone offset), RFC 822/1123
// dates and epoch seconds written as a decimal number; nullopt otherwise.
std::optional<EpochMicros> ParseWireTimestamp(std::string_view text);
// Accepts a JSON number (epoch seconds) or a string ParseWireTimestamp accepts.
std::optional<EpochMicros> WireTimestampFromJson(const Json& value);

// "2024-05-01T12:00:00Z"; a fraction only when non-zero: ".250Z" for whole
// milliseconds, six digits otherwise.
std::string FormatIso8601(EpochMicros time);
// "Wed, 01 May 2024 12:00:00 GMT" (seconds precision).
std::string FormatRfc822(EpochMicros time);
// Whole epoch seconds, truncated (botocore's default precision).
int64_t EpochSeconds(EpochMicros time);

// Renders `time` in a model timestampFormat ("iso8601", "rfc822",
// "unixTimestamp"; any case). Epoch seconds become a JSON integer, the
// others strings; an unknown format falls back to ISO 8601.
Json FormatWireTimestamp(EpochMicros time, std::string_view format);

}  // namespace posture::aws
