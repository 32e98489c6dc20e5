import type { Command } from 'commander';
import { DigitlabError } from '../../errors.js';
import { loadModel, writeFileAtomic } from '../../model/model-io.js';
import { serializeNielsen } from '../../model/nielsen.js';
import { encodeOnnx, ONNX_INPUT_NAME, ONNX_OUTPUT_NAME } from '../../model/onnx.js';

/**
 * `digitlab export`: writes a model in another tool's format — ONNX (any runtime) and/or
 * the JSON of Nielsen's network2.py. See docs/model-format.md.
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write a model as ONNX (onnxruntime, PyTorch, …) and/or as Nielsen\'s network2.py JSON')
    .requiredOption('--model <file>', 'model file')
    .option('--onnx <file>', `ONNX file to write (input "${ONNX_INPUT_NAME}" float32 [N, 784] in [0, 1]; output "${ONNX_OUTPUT_NAME}" [N, classes])`)
    .option('--nielsen <file>', 'network2.py JSON file to write (sigmoid networks only)')
    .action(async (o: { model: string; onnx?: string; nielsen?: string }) => {
      if (!o.onnx && !o.nielsen) throw new DigitlabError('export: say what to write: --onnx FILE and/or --nielsen FILE');
      const model = await loadModel(o.model);
      const net = model.network;
      // Encode everything first: a model that cannot be exported leaves no file behind.
      const onnx = o.onnx ? encodeOnnx(model) : null;
      const nielsen = o.nielsen ? serializeNielsen(model) : null;
      if (o.onnx && onnx) {
        await writeFileAtomic(o.onnx, onnx);
        process.stderr.write(
          `wrote ${o.onnx}: ONNX opset 13, ${net.sizes.join('-')}, input "${ONNX_INPUT_NAME}" float32 [N, ${net.sizes[0]}] in [0, 1], ` +
            `output "${ONNX_OUTPUT_NAME}" [N, ${net.sizes[net.layerCount]}] (${net.outputActivation})\n`,
        );
      }
      if (o.nielsen && nielsen) {
        await writeFileAtomic(o.nielsen, nielsen);
        process.stderr.write(`wrote ${o.nielsen}: network2.py JSON (${net.sizes.join('-')}, ${model.cost === 'quadratic' ? 'QuadraticCost' : 'CrossEntropyCost'})\n`);
      }
    });
}
