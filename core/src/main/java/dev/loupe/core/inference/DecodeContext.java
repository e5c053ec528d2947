package dev.loupe.core.inference;

/**
 * Everything a decoder needs besides the outputs: the model, the options, and how the original
 * image was letterboxed into the input.
 *
 * @param inputH input tensor height (pixels)
 * @param origH original image height after EXIF orientation
 * @param gain letterbox scale, min(inputH / origH, inputW / origW)
 * @param padX left padding in input pixels (as Ultralytics rounds it)
 * @param padY top padding in input pixels
 */
public record DecodeContext(
    ModelInfo model,
    PredictOptions options,
    int inputH,
    int inputW,
    int origH,
    int origW,
    double gain,
    double padX,
    double padY) {}
