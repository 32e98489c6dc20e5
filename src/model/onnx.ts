import type { OutputActivationName } from '../core/activations.js';
import type { Network } from '../core/network.js';
import { assertFiniteParameters, type Model } from './model-file.js';
import { ProtoWriter } from './protobuf-writer.js';

/** ONNX operator set the export targets (Gemm, Sigmoid, Relu, Tanh, Softmax with `axis`). */
export const ONNX_OPSET = 13;
/** ONNX IR version that goes with opset 13. */
export const ONNX_IR_VERSION = 7;
/** Name of the graph input: float32 [N, inputs], pixels in [0, 1], ink = 1, row by row. */
export const ONNX_INPUT_NAME = 'input';
/** Name of the graph output: float32 [N, classes], the output layer's activations. */
export const ONNX_OUTPUT_NAME = 'output';

/** ONNX enum values used here (onnx.proto). */
const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE_INT = 2; // AttributeProto.AttributeType.INT

const OPERATOR: Readonly<Record<OutputActivationName, string>> = {
  sigmoid: 'Sigmoid',
  relu: 'Relu',
  tanh: 'Tanh',
  softmax: 'Softmax',
};

/**
 * Encodes a model as a standard ONNX graph (opset 13) that any runtime can run: for each
 * layer l, `z_l = Gemm(a_{l−1}, W_l, b_l, transB=1)` (W_l is stored as digitlab keeps it,
 * one row per neuron) and `a_l = Sigmoid | Relu | Tanh | Softmax(axis=1)(z_l)`. The input
 * `input` is float32 [N, sizes[0]] (N, the batch, is free), the output `output` float32
 * [N, classes]; the class names are in the metadata (`class_names`, a JSON list).
 */
export function encodeOnnx(model: Model): Uint8Array {
  const net = model.network;
  assertFiniteParameters(net);
  const L = net.layerCount;
  const graph = new ProtoWriter();
  for (let l = 0; l < L; l++) {
    const input = l === 0 ? ONNX_INPUT_NAME : `a${l}`;
    const z = `z${l + 1}`;
    const a = l === L - 1 ? ONNX_OUTPUT_NAME : `a${l + 1}`;
    const gemm = new ProtoWriter()
      .string(1, input)
      .string(1, `W${l + 1}`)
      .string(1, `b${l + 1}`)
      .string(2, z)
      .string(3, `layer${l + 1}_gemm`)
      .string(4, 'Gemm')
      .message(5, new ProtoWriter().string(1, 'transB').varint(3, 1).varint(20, ATTRIBUTE_INT));
    graph.message(1, gemm);
    const activation = l === L - 1 ? net.outputActivation : net.activation;
    const node = new ProtoWriter().string(1, z).string(2, a).string(3, `layer${l + 1}_${activation}`).string(4, OPERATOR[activation]);
    if (activation === 'softmax') node.message(5, new ProtoWriter().string(1, 'axis').varint(3, 1).varint(20, ATTRIBUTE_INT));
    graph.message(1, node);
  }
  graph.string(2, 'digitlab_mlp');
  for (let l = 0; l < L; l++) {
    graph.message(5, tensor(`W${l + 1}`, [net.sizes[l + 1], net.sizes[l]], net.weights[l]));
    graph.message(5, tensor(`b${l + 1}`, [net.sizes[l + 1]], net.biases[l]));
  }
  graph.string(10, describe(net, model.classNames));
  graph.message(11, valueInfo(ONNX_INPUT_NAME, net.sizes[0], `N images of ${net.sizes[0]} pixels, row by row, float32 in [0, 1] (0 = background, 1 = full ink; MNIST byte / 255)`));
  graph.message(12, valueInfo(ONNX_OUTPUT_NAME, net.sizes[L], `the ${net.outputActivation} output, one column per class: ${model.classNames.join(', ')}`));

  const modelProto = new ProtoWriter()
    .varint(1, ONNX_IR_VERSION)
    .string(2, 'digitlab')
    .string(3, '1')
    .string(6, describe(net, model.classNames))
    .message(7, graph)
    .message(8, new ProtoWriter().string(1, '').varint(2, ONNX_OPSET));
  modelProto.message(14, new ProtoWriter().string(1, 'class_names').string(2, JSON.stringify(model.classNames)));
  modelProto.message(14, new ProtoWriter().string(1, 'digitlab_cost').string(2, model.cost));
  return modelProto.finish();
}

function describe(net: Network, classNames: readonly string[]): string {
  return `digitlab multilayer perceptron ${net.sizes.join('-')} (${net.activation} hidden, ${net.outputActivation} output); classes ${classNames.join(', ')}`;
}

/** TensorProto with float32 data as little-endian raw bytes. */
function tensor(name: string, dims: readonly number[], values: Float32Array): ProtoWriter {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i], true);
  const t = new ProtoWriter();
  for (const d of dims) t.varint(1, d);
  return t.varint(2, FLOAT).string(8, name).bytes(9, raw);
}

/** ValueInfoProto of a float32 [N, width] tensor, N a symbolic batch dimension. */
function valueInfo(name: string, width: number, doc: string): ProtoWriter {
  const shape = new ProtoWriter().message(1, new ProtoWriter().string(2, 'N')).message(1, new ProtoWriter().varint(1, width));
  const tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType)).string(3, doc);
}
