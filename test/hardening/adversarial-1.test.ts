// Shard 1 of 4 of the adversarial test (adversarial.ts): every export against bad arguments.
import { adversarialShard } from './adversarial.ts';

adversarialShard(0, 4);
